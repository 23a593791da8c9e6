package io.herokusdk.api.logs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's error codes as they appear in logs: {@code H} for the router (in router lines, {@code
 * code=H12}), {@code R} for the runtime and {@code L} for logging (in lines like {@code Error R14
 * (Memory quota exceeded)}). The list is Dev Center's "Heroku Error Codes".
 */
public enum HerokuErrorCode {
  /** A web dyno crashed or did not boot in time. */
  H10("App crashed"),
  /** Requests arrive faster than the app serves them; the router backlog is over its limit. */
  H11("Backlog too deep"),
  /** The app sent no response within 30 seconds. */
  H12("Request timeout"),
  /** The dyno accepted the connection and closed it without answering. */
  H13("Connection closed without response"),
  /** The app has no web dynos running (scaled to 0). */
  H14("No web dynos running"),
  /** The dyno sent nothing for 55 seconds on an open connection. */
  H15("Idle connection"),
  /** No longer in use (redirect to herokuapp.com). */
  H16("Redirect to herokuapp.com"),
  /** The dyno's HTTP response was malformed. */
  H17("Poorly formatted HTTP response"),
  /** The dyno closed the socket before the request was fully read or answered. */
  H18("Server Request Interrupted"),
  /** The router could not connect to the dyno within 5 seconds. */
  H19("Backend connection timeout"),
  /** The web dyno did not start within 75 seconds. */
  H20("App boot timeout"),
  /** The dyno refused the router's connection. */
  H21("Backend connection refused"),
  /** The app reached its limit of open connections. */
  H22("Connection limit reached"),
  /** The endpoint (SSL or custom domain) is misconfigured. */
  H23("Endpoint misconfigured"),
  /** The router closed a connection open for over 24 hours. */
  H24("Forced close"),
  /** The request was blocked by an HTTP restriction. */
  H25("HTTP Restriction"),
  /** The request was malformed (bad header, expect header, ...). */
  H26("Request Error"),
  /** The client closed the socket before the response was sent. */
  H27("Client Request Interrupted"),
  /** The client sent nothing long enough for the connection to be closed. */
  H28("Client Connection Idle"),
  /** The request's host does not match its TLS server name. */
  H31("Misdirected Request"),
  /** The TLS certificate does not match the requested host. */
  H32("TLS Certificate Mismatch"),
  /** Maintenance mode is on. */
  H80("Maintenance mode"),
  /** The app has no code deployed yet. */
  H81("Blank app"),
  /** The account used up its dyno hour pool. */
  H82("You've used up your dyno hour pool"),
  /** Planned degradation of the platform. */
  H83("Planned Service Degradation"),
  /** An internal Heroku error (router). */
  H99("Platform error"),
  /** The web process did not bind to {@code $PORT} within 60 s (90 s for Java apps). */
  R10("Boot timeout"),
  /** The process did not exit within 30 s of SIGTERM and was killed. */
  R12("Exit timeout"),
  /** A one-off dyno's attachment failed. */
  R13("Attach error"),
  /** The dyno uses more memory than its quota and swaps. */
  R14("Memory quota exceeded"),
  /** The dyno uses far more memory than its quota and was killed. */
  R15("Memory quota vastly exceeded"),
  /** A one-off dyno ran detached. */
  R16("Detached"),
  /** The slug's checksum did not match. */
  R17("Checksum error"),
  /** An internal Heroku error (runtime). */
  R99("Platform error"),
  /** A log drain fell behind and Logplex dropped messages (its buffer holds 1,024). */
  L10("Drain buffer overflow"),
  /** A log tail fell behind and Logplex dropped messages. */
  L11("Tail buffer overflow"),
  /** The dyno's local log buffer overflowed. */
  L12("Local buffer overflow"),
  /** Local log delivery failed. */
  L13("Local delivery error"),
  /** A TLS drain's certificate was not valid. */
  L14("Certificate validation error"),
  /** The tail buffer was temporarily unavailable. */
  L15("Tail buffer temporarily unavailable");

  // "Error R14 (Memory quota exceeded)", "Error L10 (output buffer overflow): ..."
  private static final Pattern IN_MESSAGE = Pattern.compile("\\bError ([HRL]\\d\\d)\\b");

  private final String description;

  HerokuErrorCode(String description) {
    this.description = description;
  }

  /**
   * Dev Center's title for it, like {@code Request timeout}.
   *
   * @return the title, as Dev Center capitalizes it
   */
  public String description() {
    return description;
  }

  /**
   * The code named {@code code} (like {@code H12}, any case), or empty if it is not known.
   *
   * @param code a letter and two digits, like {@code H12} or {@code r14}
   * @return the constant, or empty if no constant has that name
   */
  public static Optional<HerokuErrorCode> of(String code) {
    if (code == null || code.length() != 3) return Optional.empty();
    for (HerokuErrorCode value : values()) {
      if (value.name().equalsIgnoreCase(code)) return Optional.of(value);
    }
    return Optional.empty();
  }

  /**
   * The code in a line's message: {@code code=H12} of a router line, or {@code Error R14 (...)}
   * of a runtime or Logplex line; empty if none or not known.
   *
   * @param line a parsed line, well formed or not
   * @return the code, or empty; for a router line only its {@code code=} field counts
   */
  public static Optional<HerokuErrorCode> in(LogLine line) {
    Optional<RouterLine> router = line.router();
    if (router.isPresent()) return router.get().errorCode();
    Matcher m = IN_MESSAGE.matcher(line.message());
    return m.find() ? of(m.group(1)) : Optional.empty();
  }
}
