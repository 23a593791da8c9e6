package io.herokusdk.api.data;

import java.util.List;
import java.util.Map;

/**
 * A Postgres credential ({@code pg:credentials}); no password.
 *
 * @param name its name, {@code default} for the owner credential
 * @param state like {@code active} or {@code rotating}
 * @param users the database users behind it (two while rotating)
 */
public record PostgresCredential(String name, String state, List<String> users) {
  /**
   * Copies the users.
   *
   * @param name its name, {@code default} for the owner credential
   * @param state like {@code active} or {@code rotating}
   * @param users the database users behind it; copied
   */
  public PostgresCredential {
    users = List.copyOf(users);
  }

  static PostgresCredential from(Map<String, Object> json) {
    return new PostgresCredential(String.valueOf(Json.string(json, "name")),
        String.valueOf(Json.string(json, "state")),
        Json.objects(json.get("credentials")).stream()
            .map(c -> String.valueOf(Json.string(c, "user"))).toList());
  }
}
