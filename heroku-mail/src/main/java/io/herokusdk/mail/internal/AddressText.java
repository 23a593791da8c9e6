package io.herokusdk.mail.internal;

import io.herokusdk.mail.Address;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Renders addresses as header text (RFC 5322 {@code mailbox}): a printable-ASCII display name
 * as a quoted-string with {@code \} and {@code "} escaped, any other name as RFC 2047 UTF-8
 * encoded-words, so that no name can add a recipient or a header line. Used by every transport
 * that writes addresses as text (Mailgun's fields, the console). Not API.
 */
public final class AddressText {
  /** UTF-8 bytes per encoded-word: 45 bytes are 60 base64 chars, 72 with the wrapper (max 75). */
  private static final int BYTES_PER_WORD = 45;

  private AddressText() {}

  /** {@code "name" <email>}, {@code =?UTF-8?B?...?= <email>} or just {@code email}. */
  public static String mailbox(Address address) {
    String name = address.name();
    if (name == null) return address.email();
    return phrase(name) + " <" + address.email() + ">";
  }

  /** The mailboxes joined with {@code ", "}. */
  public static String list(List<Address> addresses) {
    StringBuilder s = new StringBuilder();
    for (Address a : addresses) {
      if (s.length() > 0) s.append(", ");
      s.append(mailbox(a));
    }
    return s.toString();
  }

  /** A display name as an RFC 5322 phrase. */
  static String phrase(String name) {
    boolean printableAscii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (printableAscii) {
      StringBuilder s = new StringBuilder(name.length() + 2).append('"');
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c == '"' || c == '\\') s.append('\\');
        s.append(c);
      }
      return s.append('"').toString();
    }
    StringBuilder s = new StringBuilder();
    int start = 0;
    while (start < name.length()) {
      int end = start;
      int bytes = 0;
      while (end < name.length()) {
        int cp = name.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + size > BYTES_PER_WORD) break;
        bytes += size;
        end += Character.charCount(cp);
      }
      if (s.length() > 0) s.append(' ');
      s.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(
          name.substring(start, end).getBytes(StandardCharsets.UTF_8))).append("?=");
      start = end;
    }
    return s.toString();
  }
}
