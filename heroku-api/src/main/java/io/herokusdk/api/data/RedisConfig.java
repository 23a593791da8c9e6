package io.herokusdk.api.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Key-Value Store's settings as the Data API answered a change.
 *
 * @param maxmemoryPolicy like {@code allkeys-lru}, or null when not sent
 * @param timeoutSeconds the idle client timeout in seconds (0 = never), or null when not sent
 * @param notifyKeyspaceEvents the keyspace notification flags ({@code ""} = off), or null
 */
public record RedisConfig(@Nullable String maxmemoryPolicy, @Nullable Long timeoutSeconds,
    @Nullable String notifyKeyspaceEvents) {
  static RedisConfig from(Map<String, Object> json) {
    Map<String, Object> timeout = Json.object(json.get("timeout"));
    return new RedisConfig(Json.string(Json.object(json.get("maxmemory_policy")), "value"),
        timeout.get("value") instanceof Number n ? n.longValue() : null,
        Json.string(Json.object(json.get("notify_keyspace_events")), "value"));
  }
}
