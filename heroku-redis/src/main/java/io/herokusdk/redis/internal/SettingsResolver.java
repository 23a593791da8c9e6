package io.herokusdk.redis.internal;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.ServiceUrl;
import io.herokusdk.redis.TlsVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/** Turns config vars plus explicit builder choices into {@link RedisSettings}. */
public final class SettingsResolver {
  /** Config var names read by the SDK besides the URL. */
  public static final String TLS_VERIFY = "REDIS_TLS_VERIFY";
  public static final String TLS_CA_PEM = "REDIS_TLS_CA_PEM";
  public static final String TLS_CA_FILE = "REDIS_TLS_CA_FILE";
  public static final String CONNECT_TIMEOUT = "REDIS_CONNECT_TIMEOUT";
  public static final String COMMAND_TIMEOUT = "REDIS_COMMAND_TIMEOUT";
  public static final String POOL_SIZE = "REDIS_POOL_SIZE";
  public static final String FAIL_FAST = "REDIS_FAIL_FAST";
  public static final String MAX_QUEUED_COMMANDS = "REDIS_MAX_QUEUED_COMMANDS";
  public static final String KEY_PREFIX = "REDIS_KEY_PREFIX";
  public static final String RECONNECT_MAX_DELAY = "REDIS_RECONNECT_MAX_DELAY";

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final int DEFAULT_MAX_QUEUED_COMMANDS = 10_000;
  public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(1);

  private static final String PROVISION_HINT =
      "Provision Heroku Key-Value Store with `heroku addons:create heroku-redis`, or for local "
          + "runs add REDIS_URL=redis://localhost:6379 to .env.";

  /** Explicit choices from the builder; null means "use the config var or the default". */
  public record Explicit(
      @Nullable String urlConfigVar,
      @Nullable TlsVerification tls,
      @Nullable Duration connectTimeout,
      @Nullable Duration commandTimeout,
      @Nullable Integer poolSize,
      @Nullable Boolean failFast,
      @Nullable Integer maxQueuedCommands,
      @Nullable String keyPrefix,
      @Nullable Duration reconnectMaxDelay) {}

  private SettingsResolver() {}

  /** Resolves settings, throwing a {@code ConfigException} that names the var on bad input. */
  public static RedisSettings resolve(ConfigVars vars, Explicit explicit) {
    String configVar = chooseUrlVar(vars, explicit.urlConfigVar());
    ServiceUrl url = vars.requireUrl(configVar);
    String scheme = url.scheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new InvalidConfigVarException(configVar, configVar + " has scheme '" + url.scheme()
          + "', expected redis:// or rediss:// (TLS). Check that it holds a Redis URL.");
    }
    int database = database(configVar, url);

    TlsVerification tls;
    String tlsFrom;
    if (explicit.tls() != null) {
      tls = explicit.tls();
      tlsFrom = "HerokuRedis.Builder.tls(...)";
    } else {
      tls = tlsFromConfig(vars);
      tlsFrom = vars.get(TLS_VERIFY).isPresent() ? TLS_VERIFY
          : vars.get(TLS_CA_PEM).isPresent() ? TLS_CA_PEM
          : vars.get(TLS_CA_FILE).isPresent() ? TLS_CA_FILE : "the default (no verification)";
    }

    Duration connectTimeout = positive(CONNECT_TIMEOUT, explicit.connectTimeout(),
        vars.getDuration(CONNECT_TIMEOUT), DEFAULT_CONNECT_TIMEOUT);
    Duration commandTimeout = positive(COMMAND_TIMEOUT, explicit.commandTimeout(),
        vars.getDuration(COMMAND_TIMEOUT), DEFAULT_COMMAND_TIMEOUT);
    int poolSize = explicit.poolSize() != null ? explicit.poolSize()
        : vars.getInt(POOL_SIZE, DEFAULT_POOL_SIZE);
    if (poolSize < 1) {
      throw new InvalidConfigVarException(POOL_SIZE, POOL_SIZE + " must be at least 1; it caps "
          + "the extra connections used for transactions and blocking commands (default "
          + DEFAULT_POOL_SIZE + ").");
    }
    boolean failFast = explicit.failFast() != null ? explicit.failFast()
        : vars.getBoolean(FAIL_FAST).orElse(Boolean.TRUE);
    int maxQueued = explicit.maxQueuedCommands() != null ? explicit.maxQueuedCommands()
        : vars.getInt(MAX_QUEUED_COMMANDS, DEFAULT_MAX_QUEUED_COMMANDS);
    if (maxQueued < 1) {
      throw new InvalidConfigVarException(MAX_QUEUED_COMMANDS, MAX_QUEUED_COMMANDS
          + " must be at least 1 (default " + DEFAULT_MAX_QUEUED_COMMANDS + ").");
    }
    String keyPrefix = explicit.keyPrefix() != null ? explicit.keyPrefix()
        : vars.get(KEY_PREFIX).orElse("");
    Duration reconnectMaxDelay = positive(RECONNECT_MAX_DELAY, explicit.reconnectMaxDelay(),
        vars.getDuration(RECONNECT_MAX_DELAY), DEFAULT_RECONNECT_MAX_DELAY);
    return new RedisSettings(url, configVar, database, tls, tlsFrom, connectTimeout,
        commandTimeout, poolSize, failFast, maxQueued, keyPrefix, reconnectMaxDelay);
  }

  /**
   * Picks the URL var: the explicit one (or its {@code _TLS_URL} twin when set), else
   * {@code REDIS_TLS_URL}, else {@code REDIS_URL}.
   */
  static String chooseUrlVar(ConfigVars vars, @Nullable String explicitName) {
    if (explicitName != null) {
      if (explicitName.endsWith("_URL") && !explicitName.endsWith("_TLS_URL")) {
        String tlsTwin = explicitName.substring(0, explicitName.length() - 4) + "_TLS_URL";
        if (vars.get(tlsTwin).isPresent()) return tlsTwin;
      }
      if (vars.get(explicitName).isPresent()) return explicitName;
      throw missing(vars, explicitName);
    }
    if (vars.get("REDIS_TLS_URL").isPresent()) return "REDIS_TLS_URL";
    if (vars.get("REDIS_URL").isPresent()) return "REDIS_URL";
    throw missing(vars, "REDIS_URL");
  }

  private static RuntimeException missing(ConfigVars vars, String name) {
    SortedSet<String> related = vars.namesMatching(
        n -> n.contains("REDIS") && n.endsWith("_URL") && !n.equals(name));
    String hint = PROVISION_HINT;
    if (!related.isEmpty()) {
      hint += " To use another attachment, pass its var name, e.g. "
          + "HerokuRedis.builder().urlConfigVar(\"" + related.first() + "\").";
    }
    return io.herokusdk.core.MissingConfigVarException.of(name, hint, related);
  }

  private static int database(String configVar, ServiceUrl url) {
    String path = url.path();
    if (path.startsWith("/")) path = path.substring(1);
    if (path.isEmpty()) return 0;
    try {
      int db = Integer.parseInt(path);
      if (db >= 0) return db;
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new InvalidConfigVarException(configVar, configVar + " has a path that is not a "
        + "database number; use /0 (or no path) for database 0, /1 for database 1, and so on.");
  }

  private static TlsVerification tlsFromConfig(ConfigVars vars) {
    Optional<String> pem = vars.get(TLS_CA_PEM).map(SettingsResolver::unescapeNewlines);
    String pemFrom = TLS_CA_PEM;
    if (pem.isEmpty() && vars.get(TLS_CA_FILE).isPresent()) {
      pem = Optional.of(readPemFile(vars.get(TLS_CA_FILE).get()));
      pemFrom = TLS_CA_FILE;
    }
    if (pem.isPresent()) Pem.parseCertificates(pemFrom, pem.get());
    String mode = vars.get(TLS_VERIFY).map(v -> v.strip().toLowerCase(Locale.ROOT))
        .orElse(pem.isPresent() ? "ca" : "none");
    switch (mode) {
      case "none":
        return TlsVerification.none();
      case "ca":
        if (pem.isEmpty()) {
          throw new InvalidConfigVarException(TLS_VERIFY, TLS_VERIFY + "=ca needs the trusted "
              + "certificate: set " + TLS_CA_PEM + " to its PEM text or " + TLS_CA_FILE
              + " to a PEM file.");
        }
        return TlsVerification.trustPem(pem.get());
      case "full":
        return pem.map(TlsVerification::full).orElse(TlsVerification.full());
      default:
        throw new InvalidConfigVarException(TLS_VERIFY, TLS_VERIFY + " must be none (encrypt "
            + "without verifying, the default and what Heroku needs), ca (verify against "
            + TLS_CA_PEM + " or " + TLS_CA_FILE + ") or full (also check the host name).");
    }
  }

  /** Config var UIs often store PEM with literal "\n" sequences; accept both forms. */
  private static String unescapeNewlines(String pem) {
    return pem.contains("\n") ? pem : pem.replace("\\n", "\n");
  }

  private static String readPemFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfigVarException(TLS_CA_FILE, TLS_CA_FILE + " names a file that cannot "
          + "be read (" + e.getClass().getSimpleName() + "); point it at a readable PEM file.",
          null);
    }
  }

  private static Duration positive(String name, @Nullable Duration explicit,
      Optional<Duration> fromVar,
      Duration fallback) {
    Duration value = explicit != null ? explicit : fromVar.orElse(fallback);
    if (value.isZero() || value.isNegative()) {
      throw new InvalidConfigVarException(name, name + " must be a positive duration like 5s "
          + "(default " + fallback.toSeconds() + "s).");
    }
    return value;
  }
}
