package io.herokusdk.api.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a value as one URL path segment (RFC 3986 unreserved characters kept). */
public final class PathSegments {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /** {@code "a b/c@d"} → {@code "a%20b%2Fc%40d"}. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    String s = out.toString();
    // "." and ".." would change the path; Retrofit rejects them, so encode the dots.
    if (s.equals(".") || s.equals("..")) {
      return s.replace(".", "%2E");
    }
    return s;
  }
}
