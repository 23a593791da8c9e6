package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigException;
import io.herokusdk.core.ConfigVars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Procfile's {@code worker} process: sends the queued welcome emails. */
public final class WorkerMain {
  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  /** Consumes the queue until SIGTERM, then finishes the email in hand. */
  public static void main(String[] args) {
    SignupServices services;
    try {
      services = SignupServices.fromConfig(ConfigVars.fromEnv());
    } catch (ConfigException e) {
      log.error("Cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    EmailWorker worker = new EmailWorker(services.welcomeEmails(), services.mailer(),
        services.users(), services.settings()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      worker.close();
      services.close();
    }, "shutdown"));
  }
}
