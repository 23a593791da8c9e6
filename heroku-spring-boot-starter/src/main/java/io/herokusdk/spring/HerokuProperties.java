package io.herokusdk.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings, under {@code heroku.}. Everything else comes from Heroku's config
 * vars ({@code DATABASE_URL}, {@code REDIS_URL}, ...) as the SDK modules read them.
 */
@ConfigurationProperties("heroku")
public class HerokuProperties {
  private final DevServices devServices = new DevServices();

  /** Creates the properties with their defaults; Spring Boot binds {@code heroku.*} to them. */
  public HerokuProperties() {}

  /**
   * Embedded PostgreSQL and Redis for local runs and tests.
   *
   * @return the dev services' settings; never null
   */
  public DevServices getDevServices() {
    return devServices;
  }

  /** Settings of the embedded dev services. */
  public static class DevServices {
    /**
     * Whether to start heroku-testing's embedded PostgreSQL and Redis when DATABASE_URL or
     * REDIS_URL is not set. Default: on when heroku-testing is on the classpath and the app is
     * not on a dyno (no DYNO variable).
     */
    private @Nullable Boolean enabled;

    /** Creates the settings with their defaults. */
    public DevServices() {}

    /**
     * Whether dev services are on; null means the default described above.
     *
     * @return the value of {@code heroku.dev-services.enabled}, or null if it is not set
     */
    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    /**
     * Turns dev services on or off.
     *
     * @param enabled true to start them (only if heroku-testing is on the classpath), false to
     *     never start them, null for the default
     */
    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }
  }
}
