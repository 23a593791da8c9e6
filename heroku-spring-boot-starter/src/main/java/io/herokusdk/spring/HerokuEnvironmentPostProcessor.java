package io.herokusdk.spring;

import io.herokusdk.spring.internal.DevServices;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Heroku's defaults, below everything the application sets (they only fill gaps):
 *
 * <ul>
 *   <li>{@code server.port} from {@code $PORT} (Spring Boot itself does not read {@code PORT});
 *   <li>{@code server.shutdown=graceful} and {@code spring.lifecycle.timeout-per-shutdown-phase=
 *       25s}, so in-flight requests finish within the 30 s Heroku allows after SIGTERM;
 *   <li>dev services: when {@code heroku.dev-services.enabled} (default: heroku-testing on the
 *       classpath and no {@code DYNO}), heroku-testing's embedded PostgreSQL and Redis supply
 *       {@code DATABASE_URL} and {@code REDIS_URL}/{@code REDIS_TLS_URL} if they are not set.
 * </ul>
 *
 * Runs after {@code application.properties} is loaded, so what it says counts.
 */
public final class HerokuEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
  /** The property source holding these defaults. */
  public static final String DEFAULTS = "herokuDefaults";
  /** The property source holding the dev services' URLs. */
  public static final String DEV_SERVICES = "herokuDevServices";
  /** The graceful shutdown phase timeout set by default; under Heroku's 30 s. */
  public static final String SHUTDOWN_PHASE_TIMEOUT = "25s";

  /** Creates the post-processor; Spring Boot does, from {@code META-INF/spring.factories}. */
  public HerokuEnvironmentPostProcessor() {}

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    String port = environment.getProperty("PORT");
    if (port != null && !port.isBlank()) defaults.put("server.port", port.strip());
    defaults.put("server.shutdown", "graceful");
    defaults.put("spring.lifecycle.timeout-per-shutdown-phase", SHUTDOWN_PHASE_TIMEOUT);
    addLowest(environment, new MapPropertySource(DEFAULTS, defaults));

    if (devServicesEnabled(environment)) {
      Map<String, Object> urls = DevServices.start(environment);
      if (!urls.isEmpty()) addLowest(environment, new MapPropertySource(DEV_SERVICES, urls));
    }
  }

  /** Below the application's sources, but above SpringApplication's default properties. */
  private static void addLowest(ConfigurableEnvironment environment,
      MapPropertySource source) {
    if (environment.getPropertySources().contains("defaultProperties")) {
      environment.getPropertySources().addBefore("defaultProperties", source);
    } else {
      environment.getPropertySources().addLast(source);
    }
  }

  static boolean devServicesEnabled(ConfigurableEnvironment environment) {
    Boolean explicit = environment.getProperty("heroku.dev-services.enabled", Boolean.class);
    if (explicit != null) return explicit && testingPresent();
    String dyno = environment.getProperty("DYNO");
    return (dyno == null || dyno.isBlank()) && testingPresent();
  }

  /** heroku-testing is on the classpath; checked by name so nothing of it loads otherwise. */
  private static boolean testingPresent() {
    return ClassUtils.isPresent("io.herokusdk.testing.TestServices",
        HerokuEnvironmentPostProcessor.class.getClassLoader());
  }
}
