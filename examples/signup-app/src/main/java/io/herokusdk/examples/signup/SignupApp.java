package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigException;
import io.herokusdk.core.ConfigVars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Procfile's {@code web} process (the jar's main class): serves the HTTP API on {@code
 * PORT}. Migrations are the {@code release} process's job ({@link MigrateMain}) and emails the
 * {@code worker}'s ({@link WorkerMain}).
 */
public final class SignupApp {
  private static final Logger log = LoggerFactory.getLogger(SignupApp.class);

  private SignupApp() {}

  /** Starts the web server; stops it on SIGTERM (Heroku gives 30 s). */
  public static void main(String[] args) {
    SignupServices services;
    try {
      services = SignupServices.fromConfig(ConfigVars.fromEnv());
    } catch (ConfigException e) {
      log.error("Cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    WebServer web = WebServer.start(services);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      services.close();
    }, "shutdown"));
    log.info("Signup app listening on port {}", web.port());
  }
}
