package io.herokusdk.redis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed server statistics from {@code INFO}.
 *
 * @param version the server version ({@code valkey_version} if present, else
 *     {@code redis_version})
 * @param usedMemoryBytes {@code used_memory}
 * @param maxMemoryBytes {@code maxmemory}; 0 means no limit
 * @param maxMemoryPolicy {@code maxmemory_policy}, e.g. {@code noeviction}; empty if not reported
 * @param connectedClients {@code connected_clients}
 * @param evictedKeys {@code evicted_keys}
 * @param keyspaceHits {@code keyspace_hits}
 * @param keyspaceMisses {@code keyspace_misses}
 * @param uptimeSeconds {@code uptime_in_seconds}
 * @param fields every {@code name:value} field, in order
 */
public record RedisInfo(
    String version,
    long usedMemoryBytes,
    long maxMemoryBytes,
    Optional<String> maxMemoryPolicy,
    long connectedClients,
    long evictedKeys,
    long keyspaceHits,
    long keyspaceMisses,
    long uptimeSeconds,
    Map<String, String> fields) {

  /**
   * Copies {@code fields}.
   *
   * @param version the server version; empty if not reported, never null
   * @param usedMemoryBytes {@code used_memory}, in bytes
   * @param maxMemoryBytes {@code maxmemory}, in bytes; 0 means no limit
   * @param maxMemoryPolicy {@code maxmemory_policy}; empty if not reported, never null
   * @param connectedClients {@code connected_clients}
   * @param evictedKeys {@code evicted_keys}, since start or the last {@code CONFIG RESETSTAT}
   * @param keyspaceHits {@code keyspace_hits}, since start or the last {@code CONFIG RESETSTAT}
   * @param keyspaceMisses {@code keyspace_misses}, since start or the last {@code CONFIG RESETSTAT}
   * @param uptimeSeconds {@code uptime_in_seconds}
   * @param fields every {@code name:value} field, in order; copied into an unmodifiable map
   */
  public RedisInfo {
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(maxMemoryPolicy, "maxMemoryPolicy == null");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Parses the text of {@code INFO} (any sections). Lines starting with '#' and blank lines are
   * skipped; numeric fields missing from the text are 0.
   *
   * @param info the reply of {@code INFO}, lines separated by CRLF or LF
   * @return the parsed statistics, with every field in {@link #fields()}
   * @throws IllegalArgumentException if a number field is not a number
   */
  public static RedisInfo parse(String info) {
    Objects.requireNonNull(info, "info == null");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : info.split("\r?\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    String version = fields.getOrDefault("valkey_version", fields.getOrDefault("redis_version", ""));
    return new RedisInfo(version, number(fields, "used_memory"), number(fields, "maxmemory"),
        Optional.ofNullable(fields.get("maxmemory_policy")), number(fields, "connected_clients"),
        number(fields, "evicted_keys"), number(fields, "keyspace_hits"),
        number(fields, "keyspace_misses"), number(fields, "uptime_in_seconds"), fields);
  }

  private static long number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) return 0;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("INFO field " + name + " is not a whole number: "
          + value, e);
    }
  }

  /**
   * {@code used_memory / maxmemory}; empty when there is no limit.
   *
   * @return the share of maxmemory in use, e.g. 0.25 for a quarter; empty if maxmemory is 0
   */
  public OptionalDouble memoryUsageRatio() {
    return maxMemoryBytes <= 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) usedMemoryBytes / maxMemoryBytes);
  }

  /**
   * {@code hits / (hits + misses)}; empty before any lookup.
   *
   * @return the hit ratio from 0 to 1; empty if there were no hits and no misses
   */
  public OptionalDouble keyspaceHitRatio() {
    long lookups = keyspaceHits + keyspaceMisses;
    return lookups == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) keyspaceHits / lookups);
  }

  /**
   * True if the server refuses writes instead of evicting when maxmemory is reached.
   *
   * @return true if {@code maxmemory_policy} is {@code noeviction}; false for any other policy
   *     or none reported
   */
  public boolean isNoEviction() {
    return maxMemoryPolicy.map("noeviction"::equals).orElse(false);
  }

  /** A one-line summary without the raw fields. */
  @Override
  public String toString() {
    return "RedisInfo{version=" + version + ", usedMemory=" + usedMemoryBytes + ", maxMemory="
        + maxMemoryBytes + ", policy=" + maxMemoryPolicy.orElse("?") + ", clients="
        + connectedClients + ", evictedKeys=" + evictedKeys + ", hits=" + keyspaceHits
        + ", misses=" + keyspaceMisses + "}";
  }
}
