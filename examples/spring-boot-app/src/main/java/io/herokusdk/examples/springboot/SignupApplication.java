package io.herokusdk.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app's one main class, for all three Procfile processes: {@code web} (no profile),
 * {@code worker} (profile {@code worker}: sends the queued welcome emails, no HTTP) and
 * {@code release} (profile {@code release}: runs the Flyway migrations, then exits).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SignupApplication {
  /** The profile of the release phase: migrate, then exit with 0 (or 1 when it failed). */
  public static final String RELEASE = "release";

  /** Starts the process the active profile asks for. */
  public static void main(String[] args) {
    ConfigurableApplicationContext context = SpringApplication.run(SignupApplication.class, args);
    if (context.getEnvironment().matchesProfiles(RELEASE)) {
      // Flyway ran while the context started; a failure would have thrown out of run().
      System.exit(SpringApplication.exit(context));
    }
  }
}
