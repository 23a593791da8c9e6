package io.herokusdk.examples.springboot;

import org.springframework.boot.SpringApplication;

/**
 * Runs the whole app in one JVM for local development, with profile {@code dev}: migrations at
 * start-up, the web server and the email worker. It lives in the test sources (Spring Boot's
 * {@code TestApplication} pattern), where heroku-testing is: the starter's dev services then
 * start embedded PostgreSQL and Redis for whatever of {@code DATABASE_URL} / {@code REDIS_URL}
 * is unset, and without {@code SENDGRID_API_KEY} emails go to the console mailer's log.
 *
 * <pre>
 * ./mvnw -B -q -pl examples/spring-boot-app -am -DskipTests -Prun package
 * </pre>
 */
public final class DevSignupApplication {
  private DevSignupApplication() {}

  /** Starts everything and runs until Ctrl-C. */
  public static void main(String[] args) {
    SpringApplication.from(SignupApplication::main).withAdditionalProfiles("dev").run(args);
  }
}
