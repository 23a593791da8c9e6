package io.herokusdk.core;

import io.herokusdk.core.internal.Hosts;
import io.herokusdk.core.internal.PercentCodec;
import io.herokusdk.core.internal.UrlParser;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A parsed add-on URL such as {@code postgres://user:password@host:5432/dbname?sslmode=require},
 * as found in {@code DATABASE_URL}, {@code REDIS_URL} and friends. Immutable.
 *
 * <p>{@link #toString()} shows the password as {@code ****}; get it with {@link #password()}.
 *
 * <p>Parsing rules: the user, password, path and fragment are percent-decoded ('+' stays '+');
 * query parameters are decoded with '+' as a space. The last '@' before the host separates the
 * credentials, and the first ':' in them separates user from password, so unencoded '@' and ':'
 * in a password work; '/', '?' and '#' in a password must be percent-encoded. An empty user or
 * password counts as absent. Without a port, the scheme's {@link #defaultPort(String)} is used.
 * Unix-domain socket URLs are rejected. Errors are {@link InvalidConfigVarException}s that name
 * the config var and never contain the password or the whole URL.
 */
public final class ServiceUrl {
  private static final String MASK = "****";

  private final @Nullable String configVar;
  private final String scheme;
  private final @Nullable String user;
  private final @Nullable Secret password;
  private final String host;
  private final boolean ipv6;
  private final int port;
  private final boolean explicitPort;
  private final String path;
  private final QueryParameters query;
  private final @Nullable String fragment;

  private ServiceUrl(@Nullable String configVar, String scheme, @Nullable String user,
      @Nullable Secret password, String host, boolean ipv6, int port, boolean explicitPort,
      String path, QueryParameters query, @Nullable String fragment) {
    this.configVar = configVar;
    this.scheme = scheme;
    this.user = user;
    this.password = password;
    this.host = host;
    this.ipv6 = ipv6;
    this.port = port;
    this.explicitPort = explicitPort;
    this.path = path;
    this.query = query;
    this.fragment = fragment;
  }

  /**
   * Parses {@code url}, the value of config var {@code configVarName}.
   *
   * @param configVarName the name used in error messages; null to say "The URL"
   * @param url the value, such as {@code redis://h:secret@ec2-1-2-3-4.compute-1.amazonaws.com:6379}
   * @return the parsed URL; its {@link #configVar()} is {@code configVarName}
   * @throws InvalidConfigVarException if {@code url} is null, blank or not a usable
   *     {@code scheme://[user[:password]@]host[:port][/path][?query][#fragment]} URL
   */
  public static ServiceUrl parse(@Nullable String configVarName, @Nullable String url) {
    UrlParser.Parts parts = UrlParser.parse(configVarName, url, ServiceUrl::defaultPort);
    return new ServiceUrl(configVarName, parts.scheme(), parts.user(),
        parts.password() == null ? null : Secret.of(parts.password()), parts.host(), parts.ipv6(),
        parts.port(), parts.explicitPort(), parts.path(), parts.query(), parts.fragment());
  }

  /**
   * Returns the port used when a URL with this scheme has none: postgres and postgresql 5432,
   * redis and rediss 6379, mysql and mariadb 3306, http 80, https 443, amqp 5672, amqps 5671,
   * mongodb 27017, memcached 11211, smtp 587 (mail submission, which add-ons use), smtps 465,
   * ftp 21. Empty for other schemes. The scheme is matched ignoring case.
   *
   * @param scheme the URL's scheme without "://", such as "postgres"
   * @return the default port, or empty if the scheme is not one of these
   */
  public static OptionalInt defaultPort(String scheme) {
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "postgres":
      case "postgresql":
        return OptionalInt.of(5432);
      case "redis":
      case "rediss":
        return OptionalInt.of(6379);
      case "mysql":
      case "mariadb":
        return OptionalInt.of(3306);
      case "http":
        return OptionalInt.of(80);
      case "https":
        return OptionalInt.of(443);
      case "amqp":
        return OptionalInt.of(5672);
      case "amqps":
        return OptionalInt.of(5671);
      case "mongodb":
        return OptionalInt.of(27017);
      case "memcached":
        return OptionalInt.of(11211);
      case "smtp":
        return OptionalInt.of(587);
      case "smtps":
        return OptionalInt.of(465);
      case "ftp":
        return OptionalInt.of(21);
      default:
        return OptionalInt.empty();
    }
  }

  /** {@return the name of the config var this URL was read from, or null if none was given} */
  public @Nullable String configVar() {
    return configVar;
  }

  /** {@return the scheme in lower case, like "postgres" or "rediss"} */
  public String scheme() {
    return scheme;
  }

  /** {@return the percent-decoded user name; empty if there is none or it is empty} */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** {@return the percent-decoded password; empty if there is none or it is empty} */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /**
   * {@return the host in lower case; an IPv6 address has no brackets (see {@link
   * #hostForUrl()})}
   */
  public String host() {
    return host;
  }

  /** {@return true if the host is an IPv6 address} */
  public boolean isIpv6() {
    return ipv6;
  }

  /** {@return the host as written in a URL: in brackets if it is an IPv6 address} */
  public String hostForUrl() {
    return ipv6 ? "[" + host + "]" : host;
  }

  /** {@return the port given in the URL, or the scheme's {@link #defaultPort(String)}} */
  public int port() {
    return port;
  }

  /** {@return true if the URL gave a port} */
  public boolean hasExplicitPort() {
    return explicitPort;
  }

  /** {@return {@code hostForUrl():port}, always with the port} */
  public String authority() {
    return hostForUrl() + ":" + port;
  }

  /**
   * The percent-decoded path without its leading '/', such as the database name "dbname" or the
   * Redis database "0"; "" if there is none.
   *
   * @return the decoded path without its leading '/', or ""; never null
   */
  public String path() {
    return path;
  }

  /** {@return the path percent-encoded for use in a URL, without a leading '/'; '/' is kept} */
  public String encodedPath() {
    return PercentCodec.encodePath(path);
  }

  /** {@return the decoded query parameters; empty if there is no query} */
  public QueryParameters query() {
    return query;
  }

  /** {@return the percent-decoded fragment after '#'; empty if there is none or it is empty} */
  public Optional<String> fragment() {
    return Optional.ofNullable(fragment);
  }

  /**
   * Returns true if the host is "localhost" (or a name under ".localhost"), an IPv4 address in
   * 127.0.0.0/8, or the IPv6 loopback address (also IPv4-mapped). Looks only at the text: no DNS.
   *
   * @return true if the host is a loopback name or address; false for any other name, even one
   *     that resolves to a loopback address
   */
  public boolean isLoopback() {
    return Hosts.isLoopback(host, ipv6);
  }

  /**
   * {@return a copy with these query parameters instead of the current ones}
   *
   * @param query the new parameters, not null; {@link QueryParameters#empty()} drops the query
   */
  public ServiceUrl withQuery(QueryParameters query) {
    Objects.requireNonNull(query, "query == null");
    return new ServiceUrl(configVar, scheme, user, password, host, ipv6, port, explicitPort, path,
        query, fragment);
  }

  /** {@return a copy without user and password} */
  public ServiceUrl withoutCredentials() {
    return new ServiceUrl(configVar, scheme, null, null, host, ipv6, port, explicitPort, path,
        query, fragment);
  }

  /**
   * Returns the whole URL, password and sensitive query values included, re-encoded, as a
   * {@link Secret}: for drivers that only take a URL string.
   *
   * @return the complete URL, the port included only if the original URL gave one
   */
  public Secret toSecret() {
    return Secret.of(format(false));
  }

  /**
   * Returns the URL with the password and the values of sensitive query parameters (see
   * {@link QueryParameters#isSensitive(String)}) replaced by {@code ****}. Safe to log.
   *
   * @return the re-encoded URL with secrets masked; the user name is kept
   */
  public String toRedactedString() {
    return format(true);
  }

  private String format(boolean redact) {
    StringBuilder out = new StringBuilder().append(scheme).append("://");
    if (user != null || password != null) {
      if (user != null) out.append(PercentCodec.encode(user));
      if (password != null) {
        out.append(':').append(redact ? MASK : PercentCodec.encode(password.reveal()));
      }
      out.append('@');
    }
    out.append(hostForUrl());
    if (explicitPort) out.append(':').append(port);
    if (!path.isEmpty()) out.append('/').append(encodedPath());
    if (!query.isEmpty()) {
      out.append('?').append(redact ? query.toRedactedString() : query.encode());
    }
    if (fragment != null) out.append('#').append(PercentCodec.encode(fragment));
    return out.toString();
  }

  /**
   * Compares every part of the URL (the password in constant time), but not {@link
   * #configVar()}: the same URL read from two vars is equal.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) return true;
    if (!(other instanceof ServiceUrl)) return false;
    ServiceUrl that = (ServiceUrl) other;
    return scheme.equals(that.scheme)
        && Objects.equals(user, that.user)
        && Objects.equals(password, that.password)
        && host.equals(that.host)
        && ipv6 == that.ipv6
        && port == that.port
        && explicitPort == that.explicitPort
        && path.equals(that.path)
        && query.equals(that.query)
        && Objects.equals(fragment, that.fragment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, user, password, host, port, explicitPort, path, query, fragment);
  }

  /** Returns {@link #toRedactedString()}. */
  @Override
  public String toString() {
    return toRedactedString();
  }
}
