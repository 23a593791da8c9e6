package io.herokusdk.examples.signup;

import java.util.List;

/** Which IP address a request came from, for per-client rate limiting. */
final class ClientIp {
  private ClientIp() {}

  /**
   * The client's IP address. Heroku's router appends the address it received the connection
   * from to {@code X-Forwarded-For}, so with {@code trustForwardedFor} the <em>last</em> entry of
   * the last header is the one a client cannot forge (earlier entries are whatever the client
   * sent). Without it, or without the header, the TCP peer's address.
   *
   * @param forwardedFor the {@code X-Forwarded-For} header values, in order
   */
  static String resolve(String remoteAddress, List<String> forwardedFor,
      boolean trustForwardedFor) {
    if (trustForwardedFor) {
      for (int h = forwardedFor.size() - 1; h >= 0; h--) {
        String[] entries = forwardedFor.get(h).split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
          String entry = entries[i].strip();
          if (!entry.isEmpty()) return entry;
        }
      }
    }
    return remoteAddress;
  }
}
