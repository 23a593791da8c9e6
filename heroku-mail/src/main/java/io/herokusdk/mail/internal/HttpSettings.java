package io.herokusdk.mail.internal;

import io.herokusdk.core.Secret;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Connection settings shared by the HTTP transports. Not API.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for each read of the answer
 * @param proxyHost an HTTP proxy's host, or null for none
 * @param proxyPort the proxy's port
 * @param proxyUser the proxy's user name, or null
 * @param proxyPassword the proxy's password, or null
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout,
    @Nullable String proxyHost,
    int proxyPort, @Nullable String proxyUser, @Nullable Secret proxyPassword) {
  /** Defaults: 10 s to connect, 30 s to read, no proxy. */
  public static HttpSettings defaults() {
    return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 0, null, null);
  }

  /** A copy with these timeouts. */
  public HttpSettings withTimeouts(Duration connect, Duration read) {
    return new HttpSettings(connect, read, proxyHost, proxyPort, proxyUser, proxyPassword);
  }

  /** A copy with this proxy; {@code user} and {@code password} may be null. */
  public HttpSettings withProxy(@Nullable String host, int port, @Nullable String user,
      @Nullable Secret password) {
    return new HttpSettings(connectTimeout, readTimeout, host, port, user, password);
  }

  /** Returns the settings without the proxy password. */
  @Override
  public String toString() {
    return "HttpSettings{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort) + "}";
  }
}
