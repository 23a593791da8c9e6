package io.herokusdk.spring.info;

import io.herokusdk.core.ConfigVars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code heroku} to {@code /actuator/info}: the dyno metadata Heroku sets ({@code DYNO}, and
 * with {@code heroku labs:enable runtime-dyno-metadata} {@code HEROKU_APP_NAME}, {@code
 * HEROKU_APP_ID}, {@code HEROKU_RELEASE_VERSION}, {@code HEROKU_RELEASE_CREATED_AT}, {@code
 * HEROKU_SLUG_COMMIT}, {@code HEROKU_SLUG_DESCRIPTION}, {@code HEROKU_DYNO_ID}); those not set are
 * left out.
 */
public final class HerokuInfoContributor implements InfoContributor {
  private static final Map<String, String> FIELDS = fields();

  private final ConfigVars config;

  /**
   * Reads the metadata from {@code config}.
   *
   * @param config where {@code DYNO} and the {@code HEROKU_*} metadata vars are read, on each
   *     call to {@link #contribute}
   */
  public HerokuInfoContributor(ConfigVars config) {
    this.config = config;
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("dyno", "DYNO");
    fields.put("dynoId", "HEROKU_DYNO_ID");
    fields.put("appName", "HEROKU_APP_NAME");
    fields.put("appId", "HEROKU_APP_ID");
    fields.put("releaseVersion", "HEROKU_RELEASE_VERSION");
    fields.put("releaseCreatedAt", "HEROKU_RELEASE_CREATED_AT");
    fields.put("slugCommit", "HEROKU_SLUG_COMMIT");
    fields.put("slugDescription", "HEROKU_SLUG_DESCRIPTION");
    return fields;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, Object> heroku = new LinkedHashMap<>();
    FIELDS.forEach((field, var) -> config.get(var).ifPresent(value -> heroku.put(field, value)));
    if (!heroku.isEmpty()) builder.withDetail("heroku", heroku);
  }
}
