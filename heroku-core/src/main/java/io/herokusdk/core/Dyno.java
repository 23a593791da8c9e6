package io.herokusdk.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What this process knows about the dyno it runs on: its name from {@code DYNO} ({@code web.1},
 * {@code run.1234}, {@code scheduler.5678}, {@code release.1}), the runtime dyno metadata
 * ({@code heroku labs:enable runtime-dyno-metadata}: app, dyno id, release, slug commit), the
 * memory limit from the cgroup and {@code PORT}.
 *
 * <pre>{@code
 * Dyno dyno = Dyno.fromEnv();
 * if (dyno.kind() == Dyno.Kind.SCHEDULER) ...
 * log.info("release v{} of {}", dyno.releaseVersion().orElse(0), dyno.appName().orElse("?"));
 * }</pre>
 *
 * <p>Every value is read and checked when it is built, so a malformed var fails at start-up
 * with an {@link InvalidConfigVarException} naming it. Immutable and thread-safe.
 */
public final class Dyno {
  /** Where Linux mounts the cgroup file system; {@link #from(ConfigVars, Path)} takes another. */
  public static final Path DEFAULT_CGROUP_ROOT = Path.of("/sys/fs/cgroup");

  /** Limits at or above this (1 PiB) are the kernel's "no limit" (v1 writes about 2^63). */
  private static final long UNLIMITED_THRESHOLD = 1L << 50;

  /** The kind of process, from the part of {@code DYNO} before the dot. */
  public enum Kind {
    /** {@code web.N}: receives HTTP traffic on {@code $PORT}. */
    WEB,
    /** {@code worker.N}. */
    WORKER,
    /** {@code run.N}: a one-off dyno from {@code heroku run} (attached or detached). */
    RUN,
    /** {@code scheduler.N}: a one-off dyno started by Heroku Scheduler. */
    SCHEDULER,
    /** {@code release.N}: the Procfile's release phase. */
    RELEASE,
    /** Any other Procfile process type, such as {@code clock} or {@code urgentworker}. */
    OTHER
  }

  private final @Nullable String name;
  private final @Nullable String processType;
  private final @Nullable Integer index;
  private final @Nullable Kind kind;
  private final @Nullable String appId;
  private final @Nullable String appName;
  private final @Nullable String dynoId;
  private final @Nullable Integer releaseVersion;
  private final @Nullable Instant releaseCreatedAt;
  private final @Nullable String slugCommit;
  private final @Nullable String slugDescription;
  private final @Nullable Long memoryLimit;
  private final @Nullable Integer port;

  private Dyno(ConfigVars vars, Path cgroupRoot) {
    this.name = vars.get("DYNO").map(String::strip).orElse(null);
    String type = null;
    Integer number = null;
    if (name != null) {
      int first = name.indexOf('.');
      type = first > 0 ? name.substring(0, first) : name;
      int last = name.lastIndexOf('.');
      String suffix = last < 0 ? "" : name.substring(last + 1);
      if (!suffix.isEmpty() && suffix.length() <= 9
          && suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
        number = Integer.valueOf(suffix);
      }
    }
    this.processType = type;
    this.index = number;
    this.kind = type == null ? null : kindOf(type);
    this.appId = vars.get("HEROKU_APP_ID").orElse(null);
    this.appName = vars.get("HEROKU_APP_NAME").orElse(null);
    this.dynoId = vars.get("HEROKU_DYNO_ID").orElse(null);
    this.releaseVersion = vars.get("HEROKU_RELEASE_VERSION").map(Dyno::releaseNumber)
        .orElse(null);
    this.releaseCreatedAt = vars.get("HEROKU_RELEASE_CREATED_AT").map(Dyno::instant)
        .orElse(null);
    this.slugCommit = vars.get("HEROKU_SLUG_COMMIT").orElse(null);
    this.slugDescription = vars.get("HEROKU_SLUG_DESCRIPTION").orElse(null);
    this.memoryLimit = readMemoryLimit(cgroupRoot);
    this.port = vars.get("PORT").map(Dyno::port).orElse(null);
  }

  /**
   * Reads {@code DYNO}, the metadata vars and {@code PORT} from the environment and
   * {@code .env}, and the memory limit from {@link #DEFAULT_CGROUP_ROOT}.
   *
   * @return what this process knows about its dyno; off Heroku, a dyno with no name
   */
  public static Dyno fromEnv() {
    return from(ConfigVars.fromEnv());
  }

  /**
   * Reads the dyno's facts from {@code vars} and the memory limit from
   * {@link #DEFAULT_CGROUP_ROOT}.
   *
   * @param vars where {@code DYNO}, {@code PORT} and the metadata vars are read from
   * @return the dyno's facts as of now; later changes to the cgroup are not seen
   * @throws InvalidConfigVarException if {@code HEROKU_RELEASE_VERSION},
   *     {@code HEROKU_RELEASE_CREATED_AT} or {@code PORT} is set but malformed
   */
  public static Dyno from(ConfigVars vars) {
    return from(vars, DEFAULT_CGROUP_ROOT);
  }

  /**
   * Like {@link #from(ConfigVars)}, reading the memory limit under {@code cgroupRoot} (cgroup v2
   * {@code memory.max}, else v1 {@code memory/memory.limit_in_bytes}). For tests.
   *
   * @param vars where {@code DYNO}, {@code PORT} and the metadata vars are read from
   * @param cgroupRoot the directory to read the cgroup files in; a missing file means no limit
   * @return the dyno's facts as of now
   */
  public static Dyno from(ConfigVars vars, Path cgroupRoot) {
    Objects.requireNonNull(vars, "vars == null");
    Objects.requireNonNull(cgroupRoot, "cgroupRoot == null");
    return new Dyno(vars, cgroupRoot);
  }

  /**
   * Whether {@code DYNO} is set, which Heroku always does on a dyno (and nothing else does).
   *
   * @return true on a Heroku dyno, false in local runs and tests that do not set {@code DYNO}
   */
  public boolean isOnHeroku() {
    return name != null;
  }

  /**
   * {@code DYNO} as set, like {@code web.1}; empty off Heroku.
   *
   * @return the dyno's name without surrounding whitespace, or empty
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The process type: {@code DYNO} up to its first dot ({@code web.1} → {@code web}), or all of
   * it if it has none; empty off Heroku.
   *
   * @return the process type as in the Procfile, such as "web" or "clock", or empty
   */
  public Optional<String> processType() {
    return Optional.ofNullable(processType);
  }

  /**
   * The number after the last dot ({@code web.2} → 2, {@code run.1234} → 1234), if any.
   *
   * @return the number, zero or more; empty off Heroku or if {@code DYNO} does not end in one
   *     to nine digits after a dot
   */
  public OptionalInt index() {
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /**
   * The kind of process; empty off Heroku.
   *
   * @return the kind, {@link Kind#OTHER} for process types without one of their own, or empty
   */
  public Optional<Kind> kind() {
    return Optional.ofNullable(kind);
  }

  /**
   * Whether this is a one-off dyno ({@code heroku run}, Scheduler or the release phase), which
   * runs one command and exits rather than being restarted.
   *
   * @return true for {@link Kind#RUN}, {@link Kind#SCHEDULER} and {@link Kind#RELEASE}; false
   *     off Heroku
   */
  public boolean isOneOff() {
    return kind == Kind.RUN || kind == Kind.SCHEDULER || kind == Kind.RELEASE;
  }

  /**
   * {@code HEROKU_APP_ID} (runtime dyno metadata).
   *
   * @return the app's UUID, or empty if runtime dyno metadata is not enabled
   */
  public Optional<String> appId() {
    return Optional.ofNullable(appId);
  }

  /**
   * {@code HEROKU_APP_NAME} (runtime dyno metadata).
   *
   * @return the app's name, such as "my-app", or empty if runtime dyno metadata is not enabled
   */
  public Optional<String> appName() {
    return Optional.ofNullable(appName);
  }

  /**
   * {@code HEROKU_DYNO_ID}, the dyno's UUID (runtime dyno metadata).
   *
   * @return the UUID, or empty if runtime dyno metadata is not enabled
   */
  public Optional<String> dynoId() {
    return Optional.ofNullable(dynoId);
  }

  /**
   * {@code HEROKU_RELEASE_VERSION} as a number: {@code v42} → 42 (runtime dyno metadata).
   *
   * @return the release number, zero or more, or empty if runtime dyno metadata is not enabled
   */
  public OptionalInt releaseVersion() {
    return releaseVersion == null ? OptionalInt.empty() : OptionalInt.of(releaseVersion);
  }

  /**
   * {@code HEROKU_RELEASE_CREATED_AT} (runtime dyno metadata).
   *
   * @return when the release was created, or empty if runtime dyno metadata is not enabled
   */
  public Optional<Instant> releaseCreatedAt() {
    return Optional.ofNullable(releaseCreatedAt);
  }

  /**
   * {@code HEROKU_SLUG_COMMIT}, the git commit of the release (runtime dyno metadata).
   *
   * @return the commit's hash, or empty if runtime dyno metadata is not enabled
   */
  public Optional<String> slugCommit() {
    return Optional.ofNullable(slugCommit);
  }

  /**
   * {@code HEROKU_SLUG_DESCRIPTION}, like {@code Deploy 2c3a0b24} (runtime dyno metadata).
   *
   * @return the description, or empty if runtime dyno metadata is not enabled
   */
  public Optional<String> slugDescription() {
    return Optional.ofNullable(slugDescription);
  }

  /**
   * The memory limit in bytes from the cgroup (512 MiB on standard-1X), read when this was
   * built; empty when there is no cgroup file or it says there is no limit.
   *
   * @return the limit in bytes, positive, or empty
   */
  public OptionalLong memoryLimit() {
    return memoryLimit == null ? OptionalLong.empty() : OptionalLong.of(memoryLimit);
  }

  /**
   * {@code PORT}, where a web dyno must listen (0 to 65535; 0 means any free port).
   *
   * @return the port, or empty if {@code PORT} is not set (as on other dynos and in local runs)
   */
  public OptionalInt port() {
    return port == null ? OptionalInt.empty() : OptionalInt.of(port);
  }

  private static Kind kindOf(String type) {
    switch (type) {
      case "web":
        return Kind.WEB;
      case "worker":
        return Kind.WORKER;
      case "run":
        return Kind.RUN;
      case "scheduler":
        return Kind.SCHEDULER;
      case "release":
        return Kind.RELEASE;
      default:
        return Kind.OTHER;
    }
  }

  private static int releaseNumber(String value) {
    String text = value.strip();
    if (text.startsWith("v") || text.startsWith("V")) text = text.substring(1);
    try {
      int number = Integer.parseInt(text);
      if (number >= 0 && !text.startsWith("+") && !text.startsWith("-")) return number;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigVarException("HEROKU_RELEASE_VERSION", "HEROKU_RELEASE_VERSION is "
        + "not a release version; Heroku sets it to v and the release number, like v42. Unset "
        + "it (`heroku config:unset HEROKU_RELEASE_VERSION`) to get Heroku's value back.");
  }

  private static Instant instant(String value) {
    String text = value.strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidConfigVarException("HEROKU_RELEASE_CREATED_AT", "HEROKU_RELEASE_CREATED_AT"
          + " is not an ISO-8601 time with an offset, like 2026-04-02T18:00:42Z. Unset it to "
          + "get Heroku's value back.");
    }
  }

  private static int port(String value) {
    String text = value.strip();
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535 && !text.startsWith("+")) return port;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigVarException("PORT", "PORT is not a port number; it must be a whole "
        + "number from 0 to 65535. Heroku sets it on web dynos: do not set it yourself there.");
  }

  private static @Nullable Long readMemoryLimit(Path root) {
    Long v2 = readLimit(root.resolve("memory.max"));
    if (v2 != null) return v2 < 0 ? null : v2;
    Long v1 = readLimit(root.resolve("memory").resolve("memory.limit_in_bytes"));
    return v1 == null || v1 < 0 ? null : v1;
  }

  /** The limit in {@code file}; -1 for "no limit"; null if the file does not exist. */
  private static @Nullable Long readLimit(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      if (!Files.exists(file)) return null;
      throw new UncheckedIOException("Could not read the memory limit from " + file, e);
    }
    if (text.toLowerCase(Locale.ROOT).equals("max")) return -1L;
    try {
      long bytes = Long.parseLong(text);
      return bytes >= UNLIMITED_THRESHOLD || bytes <= 0 ? -1L : bytes;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + " holds neither a number of bytes nor \"max\"; "
          + "cannot tell the memory limit.", e);
    }
  }

  /**
   * Like {@code Dyno{web.1, app=my-app, release=v42, memory=536870912}}; off Heroku
   * {@code Dyno{local}}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Dyno{").append(name == null ? "local" : name);
    if (appName != null) out.append(", app=").append(appName);
    if (releaseVersion != null) out.append(", release=v").append(releaseVersion);
    if (memoryLimit != null) out.append(", memory=").append(memoryLimit);
    if (port != null) out.append(", port=").append(port);
    return out.append('}').toString();
  }
}
