package io.herokusdk.api.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database's {@code wait_status}: what {@code heroku pg:wait} and {@code redis:wait} poll.
 *
 * @param waiting whether it is still being prepared (provisioning, following, upgrading...)
 * @param message what it is waiting for, like {@code provisioning}, or null
 * @param error whether the preparation failed ({@code message} says why)
 */
public record WaitStatus(boolean waiting, @Nullable String message, boolean error) {
  static WaitStatus from(Map<String, Object> json) {
    return new WaitStatus(Json.flag(json, "waiting?"), Json.string(json, "message"),
        Json.flag(json, "error?"));
  }
}
