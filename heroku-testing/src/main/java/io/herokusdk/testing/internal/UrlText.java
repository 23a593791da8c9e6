package io.herokusdk.testing.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Builds Heroku style service URLs, percent-encoding user info and names (RFC 3986). */
public final class UrlText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlText() {}

  /** Percent-encodes everything except RFC 3986 unreserved characters. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Formats a host for a URL authority, bracketing IPv6 literals. */
  public static String host(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * {@code scheme://user:password@host:port/path[?query]}; {@code user} may be empty (Redis),
   * {@code password} null for none, {@code query} null or empty for none.
   */
  public static String url(
      String scheme, String user, @Nullable String password, String host, int port, String path,
          @Nullable String query) {
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (password != null) {
      out.append(encode(user)).append(':').append(encode(password)).append('@');
    } else if (!user.isEmpty()) {
      out.append(encode(user)).append('@');
    }
    out.append(host(host)).append(':').append(port).append('/').append(encode(path));
    if (query != null && !query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }
}
