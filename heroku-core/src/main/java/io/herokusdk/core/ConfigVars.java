package io.herokusdk.core;

import io.herokusdk.core.internal.DotEnvParser;
import io.herokusdk.core.internal.Durations;
import io.herokusdk.core.internal.RelatedNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's config vars, looked up in order from explicit overrides, the process environment
 * (where Heroku puts them) and a {@code .env} file (which {@code heroku local} also reads).
 * Immutable and thread-safe: sources are read once, when it is built.
 *
 * <p><b>Blank means unset.</b> Heroku cannot set a config var to an empty value, and
 * {@code KEY=} in {@code .env} is the usual way to leave one out, so a value that is empty or only
 * whitespace counts as not set in every source: lookup falls through to the next source, and
 * {@link #names()} leaves it out. Non-blank values are returned exactly as set (not trimmed),
 * except that the typed getters ({@link #getInt}, {@link #getBoolean}, {@link #getDuration})
 * ignore surrounding whitespace.
 *
 * <p>{@link #toString()} lists names and sources, never values. Error messages never contain
 * values either.
 */
public final class ConfigVars {
  private static final Logger log = LoggerFactory.getLogger(ConfigVars.class);

  private final Map<String, String> overrides;
  private final Map<String, String> environment;
  private final @Nullable Path dotEnvFile;
  private final Map<String, String> dotEnv;
  private final SortedMap<String, Resolved> resolved;

  /** A value and where it came from. Never printed. */
  private record Resolved(String value, ConfigSource source) {
    @Override
    public String toString() {
      return source.name();
    }
  }

  private ConfigVars(Builder builder, Map<String, String> dotEnv) {
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(builder.overrides));
    this.environment = builder.environment;
    this.dotEnvFile = builder.dotEnvFile;
    this.dotEnv = dotEnv;
    SortedMap<String, Resolved> merged = new TreeMap<>();
    putNonBlank(merged, dotEnv, ConfigSource.DOT_ENV);
    putNonBlank(merged, environment, ConfigSource.ENVIRONMENT);
    putNonBlank(merged, overrides, ConfigSource.OVERRIDE);
    this.resolved = Collections.unmodifiableSortedMap(merged);
  }

  private static void putNonBlank(
      Map<String, Resolved> into, Map<String, String> from, ConfigSource source) {
    for (Map.Entry<String, String> entry : from.entrySet()) {
      if (!entry.getValue().isBlank()) {
        into.put(entry.getKey(), new Resolved(entry.getValue(), source));
      }
    }
  }

  /**
   * Returns the config vars of this process: the environment, then {@code .env} in the working
   * directory ({@code user.dir}) if that file exists.
   *
   * @return the environment's vars, then {@code .env}'s for names the environment leaves unset
   * @throws InvalidConfigVarException if {@code .env} has a syntax error
   * @throws UncheckedIOException if {@code .env} exists but cannot be read
   */
  public static ConfigVars fromEnv() {
    return builder()
        .systemEnvironment()
        .dotEnv(Path.of(System.getProperty("user.dir", "")).resolve(".env"))
        .build();
  }

  /**
   * {@return exactly these vars, as overrides; no environment, no {@code .env}} For tests.
   *
   * @param vars names to values, none null; blank values count as unset
   */
  public static ConfigVars of(Map<String, String> vars) {
    return builder().overrides(vars).build();
  }

  /** {@return a builder with no sources at all} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with this instance's overrides, environment and {@code .env} file (its
   * values as already read; the file is not read again unless {@link Builder#dotEnv} is called).
   *
   * @return a new builder; changing it does not change this instance
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.overrides.putAll(overrides);
    builder.environment = environment;
    builder.dotEnvFile = dotEnvFile;
    builder.dotEnvAlreadyRead = dotEnv;
    return builder;
  }

  /**
   * {@return the value of {@code name}, or empty if it is not set or blank}
   *
   * @param name the config var's name, such as {@code DATABASE_URL}; matched exactly, case
   *     included
   */
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name == null");
    Resolved entry = resolved.get(name);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  /**
   * Returns the value of {@code name}.
   *
   * @param name the config var's name, such as {@code DATABASE_URL}
   * @return the value as set, never blank and not trimmed
   * @throws MissingConfigVarException if it is not set, naming related vars that are set
   */
  public String require(String name) {
    return require(name, null);
  }

  /**
   * Returns the value of {@code name}.
   *
   * @param name the config var's name, such as {@code DATABASE_URL}
   * @param hint how to set it, for the error message (e.g. which add-on provides it); null for
   *     a generic {@code heroku config:set} hint
   * @return the value as set, never blank and not trimmed
   * @throws MissingConfigVarException if it is not set, naming related vars that are set
   */
  public String require(String name, @Nullable String hint) {
    return get(name).orElseThrow(() -> missing(name, hint));
  }

  /**
   * Returns an exception saying that {@code name} is missing, listing set vars whose names share a
   * word with it (at most ten). For callers that look at several vars before giving up.
   *
   * @param name the missing config var's name
   * @param hint how to set it, for the message; null or blank for a generic
   *     {@code heroku config:set} hint
   * @return the exception, not yet thrown
   */
  public MissingConfigVarException missing(String name, @Nullable String hint) {
    Objects.requireNonNull(name, "name == null");
    return MissingConfigVarException.of(name, hint, RelatedNames.find(name, resolved.keySet()));
  }

  /**
   * {@return the value of {@code name} as a {@link Secret}, or empty if it is not set}
   *
   * @param name the config var's name, such as {@code HEROKU_API_KEY}
   */
  public Optional<Secret> secret(String name) {
    return get(name).map(Secret::of);
  }

  /**
   * Returns the value of {@code name} as a {@link Secret}.
   *
   * @param name the config var's name, such as {@code HEROKU_API_KEY}
   * @return the value, never blank
   * @throws MissingConfigVarException if it is not set
   */
  public Secret requireSecret(String name) {
    return Secret.of(require(name));
  }

  /**
   * Returns the value of {@code name} as an int, or empty if it is not set.
   *
   * @param name the config var's name, such as {@code WEB_CONCURRENCY}
   * @return the value, surrounding whitespace ignored, or empty if {@code name} is not set
   * @throws InvalidConfigVarException if it is set but not a decimal integer
   */
  public OptionalInt getInt(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) return OptionalInt.empty();
    try {
      return OptionalInt.of(Integer.parseInt(value.get().strip()));
    } catch (NumberFormatException e) {
      throw new InvalidConfigVarException(name, name + " is not an integer; set it to a whole "
          + "number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", like 5.");
    }
  }

  /**
   * Returns the value of {@code name} as an int, or {@code defaultValue} if it is not set.
   *
   * @param name the config var's name, such as {@code WEB_CONCURRENCY}
   * @param defaultValue returned when {@code name} is not set or blank
   * @return the value, surrounding whitespace ignored, or {@code defaultValue}
   * @throws InvalidConfigVarException if it is set but not a decimal integer
   */
  public int getInt(String name, int defaultValue) {
    return getInt(name).orElse(defaultValue);
  }

  /**
   * Returns the value of {@code name} as a boolean, or empty if it is not set. Accepts true/false,
   * yes/no and 1/0, ignoring case.
   *
   * @param name the config var's name
   * @return true or false (surrounding whitespace ignored), or empty if {@code name} is not set
   * @throws InvalidConfigVarException for any other value
   */
  public Optional<Boolean> getBoolean(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) return Optional.empty();
    switch (value.get().strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return Optional.of(Boolean.TRUE);
      case "false":
      case "no":
      case "0":
        return Optional.of(Boolean.FALSE);
      default:
        throw new InvalidConfigVarException(name, name + " is not a boolean; set it to true or "
            + "false (yes/no and 1/0 also work).");
    }
  }

  /**
   * Returns the value of {@code name} as a duration, or empty if it is not set. Accepts a number
   * with a unit ("250ms", "30s", "5m", "1h", "2d"), a plain number of seconds ("30"), or ISO-8601
   * ("PT30S"). Negative durations are rejected.
   *
   * @param name the config var's name
   * @return the duration, zero or positive, or empty if {@code name} is not set
   * @throws InvalidConfigVarException for anything else
   */
  public Optional<Duration> getDuration(String name) {
    Optional<String> value = get(name);
    if (value.isEmpty()) return Optional.empty();
    Duration duration = Durations.parse(value.get());
    if (duration == null) {
      throw new InvalidConfigVarException(name, name + " is not a duration; set it to a "
          + "non-negative number with a unit, like 250ms, 30s, 5m, 1h or 2d (a plain number means "
          + "seconds).");
    }
    return Optional.of(duration);
  }

  /**
   * Returns the value of {@code name} parsed as a {@link ServiceUrl}, or empty if it is not set.
   *
   * @param name the config var's name, such as {@code REDIS_URL}; also named in parse errors
   * @return the URL, whose {@link ServiceUrl#configVar()} is {@code name}, or empty if
   *     {@code name} is not set
   * @throws InvalidConfigVarException if it is set but not a usable URL
   */
  public Optional<ServiceUrl> url(String name) {
    return get(name).map(value -> ServiceUrl.parse(name, value));
  }

  /**
   * Returns the value of {@code name} parsed as a {@link ServiceUrl}.
   *
   * @param name the config var's name, such as {@code DATABASE_URL}; also named in errors
   * @return the URL, whose {@link ServiceUrl#configVar()} is {@code name}
   * @throws MissingConfigVarException if it is not set
   * @throws InvalidConfigVarException if it is not a usable URL
   */
  public ServiceUrl requireUrl(String name) {
    return ServiceUrl.parse(name, require(name));
  }

  /** {@return the names of all set (non-blank) vars from every source, sorted} */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(resolved.keySet()));
  }

  /**
   * Returns the sorted names of set vars accepted by {@code filter}, e.g. {@code name ->
   * name.startsWith("HEROKU_POSTGRESQL_")}.
   *
   * @param filter tested against the name of each set var, never with its value
   * @return the matching names, sorted and unmodifiable; empty if none match
   */
  public SortedSet<String> namesMatching(Predicate<String> filter) {
    Objects.requireNonNull(filter, "filter == null");
    SortedSet<String> names = new TreeSet<>();
    for (String name : resolved.keySet()) {
      if (filter.test(name)) names.add(name);
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /**
   * {@return the source the value of {@code name} comes from, or empty if it is not set}
   *
   * @param name the config var's name
   */
  public Optional<ConfigSource> sourceOf(String name) {
    Objects.requireNonNull(name, "name == null");
    Resolved entry = resolved.get(name);
    return entry == null ? Optional.empty() : Optional.of(entry.source());
  }

  /** Lists names and sources, like {@code ConfigVars{PORT=ENVIRONMENT}}; never values. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ConfigVars{");
    boolean first = true;
    for (Map.Entry<String, Resolved> entry : resolved.entrySet()) {
      if (!first) out.append(", ");
      out.append(entry.getKey()).append('=').append(entry.getValue().source());
      first = false;
    }
    return out.append('}').toString();
  }

  /**
   * Builds {@link ConfigVars}. Starts with no sources: add overrides, an environment and a
   * {@code .env} file as needed. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Map<String, String> environment = Map.of();
    private @Nullable Path dotEnvFile;
    private @Nullable Map<String, String> dotEnvAlreadyRead;

    private Builder() {}

    /**
     * Sets {@code name} to {@code value}, ahead of every other source.
     *
     * @param name the config var's name, not null
     * @param value its value, not null; replaces an earlier override of {@code name}. A blank
     *     value counts as unset, so the environment's or {@code .env}'s value is used instead
     * @return this builder
     */
    public Builder override(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, () -> "value of " + name + " == null");
      overrides.put(name, value);
      return this;
    }

    /**
     * Calls {@link #override(String, String)} for every entry.
     *
     * @param vars names to values, none null
     * @return this builder
     */
    public Builder overrides(Map<String, String> vars) {
      Objects.requireNonNull(vars, "vars == null");
      vars.forEach(this::override);
      return this;
    }

    /**
     * Uses a copy of {@code environment} as the process environment. For tests.
     *
     * @param environment names to values, none null; replaces any earlier environment (by
     *     default there is none)
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment == null");
      Map<String, String> copy = new LinkedHashMap<>();
      environment.forEach((name, value) -> {
        Objects.requireNonNull(name, "environment has a null name");
        Objects.requireNonNull(value, () -> "environment value of " + name + " == null");
        copy.put(name, value);
      });
      this.environment = Collections.unmodifiableMap(copy);
      return this;
    }

    /**
     * Uses a snapshot of {@link System#getenv()} as the environment.
     *
     * @return this builder
     */
    public Builder systemEnvironment() {
      return environment(System.getenv());
    }

    /**
     * Reads {@code file} in the {@code .env} format when {@link #build()} is called; a file that
     * does not exist is ignored. Its values come after overrides and the environment.
     *
     * @param file the file to read, such as {@code .env} in the app's root; replaces any earlier
     *     file (by default there is none)
     * @return this builder
     */
    public Builder dotEnv(Path file) {
      this.dotEnvFile = Objects.requireNonNull(file, "file == null");
      this.dotEnvAlreadyRead = null;
      return this;
    }

    /**
     * Reads the {@code .env} file, if any, and returns the config vars.
     *
     * @return new config vars from this builder's sources
     * @throws InvalidConfigVarException if the {@code .env} file has a syntax error or is not
     *     UTF-8; the message names the file and line, never a value
     * @throws UncheckedIOException if the {@code .env} file exists but cannot be read
     */
    public ConfigVars build() {
      Map<String, String> dotEnv = dotEnvAlreadyRead;
      if (dotEnv == null) dotEnv = readDotEnv(dotEnvFile);
      return new ConfigVars(this, dotEnv);
    }

    private static Map<String, String> readDotEnv(@Nullable Path file) {
      if (file == null || !Files.exists(file)) return Map.of();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        throw new InvalidConfigVarException(null, file + " is not valid UTF-8; save it as UTF-8.");
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + file + "; check that it is a readable "
            + "file.", e);
      }
      Map<String, String> vars = DotEnvParser.parse(file.toString(), text);
      log.debug("Read {} config vars from {}", vars.size(), file);
      return Collections.unmodifiableMap(vars);
    }
  }
}
