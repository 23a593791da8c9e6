package io.herokusdk.examples.springboot;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/** Which IP address a request came from, for per-client rate limiting. */
final class ClientIp {
  private ClientIp() {}

  /**
   * The client's IP address. Heroku's router appends the address it received the connection
   * from to {@code X-Forwarded-For}, so with {@code trustForwardedFor} the <em>last</em> entry is
   * the one a client cannot forge (earlier entries are whatever the client sent). Without it,
   * or without the header, the TCP peer's address.
   */
  static String resolve(HttpServletRequest request, boolean trustForwardedFor) {
    if (trustForwardedFor) {
      List<String> headers = Collections.list(request.getHeaders("X-Forwarded-For"));
      for (int h = headers.size() - 1; h >= 0; h--) {
        String[] entries = headers.get(h).split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
          String entry = entries[i].strip();
          if (!entry.isEmpty()) return entry;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
