package io.herokusdk.core.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Literal checks on host names and IP addresses. Never resolves anything. */
public final class Hosts {
  private Hosts() {}

  /**
   * Parses an IPv6 address without brackets into its eight 16-bit groups, or returns null if it
   * is not one. Accepts "::" compression and a trailing dotted IPv4 part; rejects zone IDs.
   */
  public static int @Nullable [] parseIpv6(String text) {
    if (text.isEmpty() || text.length() > 45) return null;
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) return null;
    String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
    String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
    int[] headGroups = parseGroups(head, doubleColon < 0);
    int[] tailGroups = doubleColon >= 0 ? parseGroups(tail, true) : new int[0];
    if (headGroups == null || tailGroups == null) return null;
    int count = headGroups.length + tailGroups.length;
    if (doubleColon < 0 ? count != 8 : count > 7) return null;
    int[] groups = new int[8];
    System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
    return groups;
  }

  /** Parses colon-separated hex groups; the last may be dotted IPv4 if {@code ipv4Allowed}. */
  private static int @Nullable [] parseGroups(String text, boolean ipv4Allowed) {
    if (text.isEmpty()) return new int[0];
    String[] parts = text.split(":", -1);
    int[] groups = new int[parts.length + 1];
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (ipv4Allowed && i == parts.length - 1 && part.indexOf('.') >= 0) {
        int[] ipv4 = parseIpv4(part);
        if (ipv4 == null) return null;
        groups[count++] = (ipv4[0] << 8) | ipv4[1];
        groups[count++] = (ipv4[2] << 8) | ipv4[3];
        continue;
      }
      if (part.isEmpty() || part.length() > 4) return null;
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        int digit = c < 128 ? Character.digit(c, 16) : -1;
        if (digit < 0) return null;
        value = (value << 4) | digit;
      }
      groups[count++] = value;
    }
    int[] result = new int[count];
    System.arraycopy(groups, 0, result, 0, count);
    return result;
  }

  /** Parses a dotted-quad IPv4 address ("127.0.0.1") into four octets, or returns null. */
  public static int @Nullable [] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) return null;
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3) return null;
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') return null;
        value = value * 10 + (c - '0');
      }
      if (value > 255) return null;
      octets[i] = value;
    }
    return octets;
  }

  /**
   * Returns true if {@code host} (lower case, no brackets) is "localhost", an address in
   * 127.0.0.0/8, "::1" or an IPv4-mapped 127.0.0.0/8 address. Purely literal: no DNS.
   */
  public static boolean isLoopback(String host, boolean ipv6) {
    if (ipv6) {
      int[] groups = parseIpv6(host);
      if (groups == null) return false;
      for (int i = 0; i < 5; i++) {
        if (groups[i] != 0) return false;
      }
      if (groups[5] == 0 && groups[6] == 0) return groups[7] == 1;
      return groups[5] == 0xFFFF && (groups[6] >> 8) == 127;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
    if (name.equals("localhost") || name.endsWith(".localhost")) return true;
    int[] ipv4 = parseIpv4(name);
    return ipv4 != null && ipv4[0] == 127;
  }

  /** Returns true if every character may appear in a DNS or IPv4 host name: a-z 0-9 - . _ */
  public static boolean isValidHostName(String host) {
    if (host.isEmpty() || host.length() > 253) return false;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_';
      if (!ok) return false;
    }
    return !host.startsWith(".") && !host.contains("..");
  }
}
