package io.herokusdk.core.internal;

import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.QueryParameters;
import io.herokusdk.core.QueryParameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code scheme://user:password@host:port/path?query#fragment}.
 *
 * <p>Every error message names the config var (or says "The URL"), says what is wrong and how to
 * fix it, and contains neither the value nor any part of it except a scheme that was recognized.
 */
public final class UrlParser {
  private static final String EXAMPLE = "postgres://user:password@host:5432/dbname";
  private static final String ENCODE_HINT =
      " If the password contains '/', '?' or '#', percent-encode those as %2F, %3F and %23.";

  private UrlParser() {}

  /** The parsed parts. {@link #toString()} leaves the password out. */
  public record Parts(
      String scheme,
      @Nullable String user,
      @Nullable String password,
      String host,
      boolean ipv6,
      int port,
      boolean explicitPort,
      String path,
      QueryParameters query,
      @Nullable String fragment) {
    @Override
    public String toString() {
      return "Parts[scheme=" + scheme + ", host=" + host + ", port=" + port + "]";
    }
  }

  /**
   * Parses {@code url}. {@code configVar} may be null. {@code defaultPort} gives the port for
   * URLs without one.
   *
   * @throws InvalidConfigVarException for anything that is not a usable service URL
   */
  public static Parts parse(
      @Nullable String configVar, @Nullable String url, DefaultPorts defaultPorts) {
    return new Run(configVar, defaultPorts).parse(url);
  }

  /** Looks up the default port of a lower-case scheme. */
  @FunctionalInterface
  public interface DefaultPorts {
    /** Returns the default port for {@code scheme}, or empty if it has none. */
    OptionalInt of(String scheme);
  }

  /**
   * Parses a raw query string (no '?') into decoded parameters. {@code label} starts error
   * messages ("DATABASE_URL", "The query string").
   */
  public static List<Parameter> parseQuery(
      @Nullable String configVar, String label, String rawQuery) {
    List<Parameter> parameters = new ArrayList<>();
    int number = 0;
    for (String segment : rawQuery.split("&", -1)) {
      if (segment.isEmpty()) continue;
      number++;
      int equals = segment.indexOf('=');
      String rawName = equals < 0 ? segment : segment.substring(0, equals);
      String rawValue = equals < 0 ? "" : segment.substring(equals + 1);
      String what = "query parameter number " + number;
      parameters.add(new Parameter(
          decode(configVar, label, rawName, true, "the name of " + what),
          decode(configVar, label, rawValue, true, "the value of " + what)));
    }
    return parameters;
  }

  private static String decode(
      @Nullable String configVar, String label, String raw, boolean plusIsSpace, String what) {
    try {
      return PercentCodec.decode(raw, plusIsSpace);
    } catch (PercentCodec.DecodingException e) {
      if (e.problem() == PercentCodec.Problem.NOT_UTF8) {
        throw new InvalidConfigVarException(configVar, label + " has " + what
            + " that is not UTF-8 once percent-decoded; percent-encode its UTF-8 bytes.");
      }
      throw new InvalidConfigVarException(configVar, label + " has an invalid percent-escape in "
          + what + "; a '%' must be followed by two hex digits, so write a literal '%' as %25.");
    }
  }

  private static final class Run {
    private final @Nullable String configVar;
    private final String label;
    private final DefaultPorts defaultPorts;

    /** Set once the authority has been split off; adds {@link #ENCODE_HINT} to host errors. */
    private boolean suggestEncoding;

    Run(@Nullable String configVar, DefaultPorts defaultPorts) {
      this.configVar = configVar;
      this.label = configVar == null ? "The URL" : configVar;
      this.defaultPorts = defaultPorts;
    }

    private InvalidConfigVarException fail(String problemAndFix) {
      return new InvalidConfigVarException(configVar, label + " " + problemAndFix);
    }

    private InvalidConfigVarException failInAuthority(String problemAndFix) {
      return fail(problemAndFix + (suggestEncoding ? ENCODE_HINT : ""));
    }

    Parts parse(@Nullable String url) {
      if (url == null || url.isBlank()) {
        throw fail("is empty; set it to a URL like " + EXAMPLE + ".");
      }
      checkNoWhitespace(url);
      if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
        throw fail("looks like a JDBC URL (it starts with 'jdbc:'); give the add-on's own URL "
            + "instead, like " + EXAMPLE + ", and let the SDK build the JDBC URL.");
      }
      int colon = url.indexOf(':');
      if (colon <= 0 || !isScheme(url.substring(0, colon))) {
        throw fail("does not start with a scheme; write it like " + EXAMPLE
            + " (scheme://host:port/...).");
      }
      String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
      boolean knownScheme = defaultPorts.of(scheme).isPresent();
      if (!url.startsWith("//", colon + 1)) {
        if (knownScheme) {
          throw fail("has no '//' after '" + scheme + ":'; write it like " + example(scheme)
              + ".");
        }
        throw fail("does not start with a scheme followed by '://'; write it like " + EXAMPLE
            + ".");
      }
      String rest = url.substring(colon + 3);
      int authorityEnd = indexOfAny(rest, "/?#", 0);
      String authority = rest.substring(0, authorityEnd);
      String remainder = rest.substring(authorityEnd);
      suggestEncoding = remainder.indexOf('@') >= 0;

      int fragmentStart = remainder.indexOf('#');
      String fragmentRaw = fragmentStart < 0 ? null : remainder.substring(fragmentStart + 1);
      String beforeFragment = fragmentStart < 0 ? remainder : remainder.substring(0, fragmentStart);
      int queryStart = beforeFragment.indexOf('?');
      String queryRaw = queryStart < 0 ? "" : beforeFragment.substring(queryStart + 1);
      String pathRaw = queryStart < 0 ? beforeFragment : beforeFragment.substring(0, queryStart);
      if (pathRaw.startsWith("/")) pathRaw = pathRaw.substring(1);

      if (pathRaw.indexOf('@') >= 0 || (fragmentRaw != null && fragmentRaw.indexOf('@') >= 0)
          || atInAQueryName(queryRaw)) {
        throw fail("has an '@' after the host, where it is most likely part of a password that "
            + "contains '/', '?' or '#'; percent-encode those as %2F, %3F and %23 (and an '@' "
            + "in the path as %40).");
      }
      QueryParameters query = QueryParameters.of(parseQuery(configVar, label, queryRaw));
      for (Parameter parameter : query.all()) {
        String name = parameter.name().toLowerCase(Locale.ROOT);
        boolean socketName = name.equals("host") || name.contains("socket");
        if (socketName && parameter.value().startsWith("/")) throw unixSocket();
      }
      String path = decode(configVar, label, pathRaw, false, "the path");
      String fragment = fragmentRaw == null || fragmentRaw.isEmpty()
          ? null
          : decode(configVar, label, fragmentRaw, false, "the fragment");

      int at = authority.lastIndexOf('@');
      String user = null;
      String password = null;
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        int userColon = userInfo.indexOf(':');
        String userRaw = userColon < 0 ? userInfo : userInfo.substring(0, userColon);
        String passwordRaw = userColon < 0 ? "" : userInfo.substring(userColon + 1);
        user = emptyToNull(decode(configVar, label, userRaw, false, "the user name"));
        password = emptyToNull(decode(configVar, label, passwordRaw, false, "the password"));
      }
      String hostPort = authority.substring(at + 1);

      String host;
      boolean ipv6;
      String portRaw;
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          throw failInAuthority("has an IPv6 address without the closing ']'; write it like "
              + scheme + "://[2001:db8::1]:" + examplePort(scheme) + ".");
        }
        host = hostPort.substring(1, close).toLowerCase(Locale.ROOT);
        if (Hosts.parseIpv6(host) == null) {
          throw failInAuthority("has an invalid IPv6 address between '[' and ']'; check it "
              + "(for example [::1] or [2001:db8::1]).");
        }
        ipv6 = true;
        String afterBracket = hostPort.substring(close + 1);
        if (!afterBracket.isEmpty() && !afterBracket.startsWith(":")) {
          throw failInAuthority("has unexpected text after the IPv6 address's ']'; only a port "
              + "like ':1234' may follow it.");
        }
        portRaw = afterBracket.isEmpty() ? null : afterBracket.substring(1);
      } else {
        int portColon = hostPort.indexOf(':');
        if (portColon >= 0 && hostPort.indexOf(':', portColon + 1) >= 0) {
          throw failInAuthority("has more than one ':' after the host; write an IPv6 address in "
              + "brackets, like " + scheme + "://[::1]:" + examplePort(scheme) + ".");
        }
        String hostRaw = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        portRaw = portColon < 0 ? null : hostPort.substring(portColon + 1);
        host = decode(configVar, label, hostRaw, false, "the host");
        if (host.startsWith("/")) throw unixSocket();
        if (host.isEmpty()) {
          throw failInAuthority("has no host; write it like " + scheme
              + "://user:password@host:" + examplePort(scheme) + ".");
        }
        if (!Hosts.isValidHostName(host)) {
          throw failInAuthority("has a host name with characters that are not allowed (only "
              + "letters, digits, '-', '.' and '_' are); check the part between '@' and the "
              + "port.");
        }
        host = host.toLowerCase(Locale.ROOT);
        ipv6 = false;
      }

      int port;
      boolean explicitPort = portRaw != null;
      if (portRaw == null) {
        OptionalInt defaultPort = defaultPorts.of(scheme);
        if (defaultPort.isEmpty()) {
          throw fail("has no port, and '" + scheme + "' has no default port; add the port, "
              + "like " + example(scheme) + ".");
        }
        port = defaultPort.getAsInt();
      } else {
        port = parsePort(portRaw);
      }
      return new Parts(scheme, user, password, host, ipv6, port, explicitPort, path, query,
          fragment);
    }

    private String examplePort(String scheme) {
      return String.valueOf(defaultPorts.of(scheme).orElse(1234));
    }

    private String example(String scheme) {
      return scheme + "://host:" + examplePort(scheme);
    }

    private int parsePort(String raw) {
      if (raw.isEmpty()) {
        throw failInAuthority("has a ':' after the host but no port number; add the port "
            + "(like :5432) or remove the ':'.");
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c < '0' || c > '9') {
          throw failInAuthority("has a port that is not a number; the port must be a number "
              + "from 1 to 65535.");
        }
      }
      String digits = raw.replaceFirst("^0+(?=.)", "");
      int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      if (port < 1 || port > 65535) {
        throw failInAuthority("has a port that is out of range; the port must be a number "
            + "from 1 to 65535.");
      }
      return port;
    }

    private InvalidConfigVarException unixSocket() {
      return fail("points at a Unix-domain socket; Unix-domain sockets are not supported, use "
          + "a TCP host and port instead, like postgres://user:password@localhost:5432/dbname.");
    }

    private void checkNoWhitespace(String url) {
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
          String where = i == 0
              ? "at the start"
              : i == url.length() - 1 ? "at the end" : "at character " + (i + 1);
          throw fail("contains a space or control character " + where + "; remove it, or "
              + "percent-encode it (a space is %20) if it is part of the password.");
        }
      }
    }
  }

  /** Returns true if a parameter name (not a value, which may be an e-mail) contains '@'. */
  private static boolean atInAQueryName(String rawQuery) {
    for (String segment : rawQuery.split("&", -1)) {
      int equals = segment.indexOf('=');
      int at = segment.indexOf('@');
      if (at >= 0 && (equals < 0 || at < equals)) return true;
    }
    return false;
  }

  private static boolean isScheme(String candidate) {
    char first = candidate.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
    for (int i = 1; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '-'
          || c == '.';
      if (!ok) return false;
    }
    return true;
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) return i;
    }
    return text.length();
  }

  private static @Nullable String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
