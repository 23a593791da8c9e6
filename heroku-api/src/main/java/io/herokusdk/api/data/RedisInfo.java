package io.herokusdk.api.data;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code heroku redis:info} shows for one Key-Value Store.
 *
 * @param name the add-on's name
 * @param plan the plan, like {@code premium-0}
 * @param status like {@code available}, or null
 * @param version like {@code 7.2.4}, or null
 * @param maxmemoryPolicy like {@code noeviction}, or null
 * @param info every line as sent
 */
public record RedisInfo(String name, String plan, @Nullable String status,
    @Nullable String version, @Nullable String maxmemoryPolicy, List<InfoLine> info) {
  /**
   * Copies the lines.
   *
   * @param name the add-on's name
   * @param plan the plan, like {@code premium-0}
   * @param status like {@code available}, or null
   * @param version like {@code 7.2.4}, or null
   * @param maxmemoryPolicy like {@code noeviction}, or null
   * @param info every line as sent; copied
   */
  public RedisInfo {
    info = List.copyOf(info);
  }

  static RedisInfo from(Map<String, Object> json) {
    List<InfoLine> info = Json.info(json);
    return new RedisInfo(String.valueOf(Json.string(json, "name")),
        String.valueOf(Json.string(json, "plan")), InfoLine.first(info, "Status").orElse(null),
        InfoLine.first(info, "Version").orElse(null),
        InfoLine.first(info, "Maxmemory").orElse(null), info);
  }
}
