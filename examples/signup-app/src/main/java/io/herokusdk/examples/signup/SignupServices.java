package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.HerokuMail;
import io.herokusdk.mail.Mailer;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.redis.HerokuRedis;
import java.io.Closeable;
import java.util.Objects;

/**
 * Everything a process of this app talks to, built from config vars by the SDK: Postgres
 * ({@code DATABASE_URL}), Redis ({@code REDIS_URL}), the mailer ({@code SENDGRID_API_KEY}, or
 * the console off Heroku) and the app's own {@link AppSettings}.
 */
public final class SignupServices implements Closeable {
  private final AppSettings settings;
  private final HerokuPostgres postgres;
  private final HerokuRedis redis;
  private final Mailer mailer;
  private final UserStore users;
  private final WelcomeEmails welcomeEmails;

  private SignupServices(AppSettings settings, HerokuPostgres postgres, HerokuRedis redis,
      Mailer mailer) {
    this.settings = settings;
    this.postgres = postgres;
    this.redis = redis;
    this.mailer = mailer;
    this.users = new UserStore(postgres.dataSource());
    this.welcomeEmails = new WelcomeEmails(redis, settings);
  }

  /** Builds every service from {@code config}, picking the mailer with {@link HerokuMail}. */
  public static SignupServices fromConfig(ConfigVars config) {
    AppSettings settings = AppSettings.from(config);
    Mailer mailer = HerokuMail.fromConfig(config);
    try {
      return create(config, settings, mailer);
    } catch (RuntimeException e) {
      mailer.close();
      throw e;
    }
  }

  /** Builds Postgres and Redis from {@code config} and uses {@code mailer} (tests). */
  public static SignupServices fromConfig(ConfigVars config, Mailer mailer) {
    return create(config, AppSettings.from(config), Objects.requireNonNull(mailer, "mailer"));
  }

  private static SignupServices create(ConfigVars config, AppSettings settings, Mailer mailer) {
    HerokuPostgres postgres = HerokuPostgres.fromConfig(config);
    HerokuRedis redis = null;
    try {
      redis = HerokuRedis.fromConfig(config);
      return new SignupServices(settings, postgres, redis, mailer);
    } catch (RuntimeException e) {
      if (redis != null) redis.close();
      postgres.close();
      throw e;
    }
  }

  /** The app's own settings. */
  public AppSettings settings() {
    return settings;
  }

  /** The Postgres pools. */
  public HerokuPostgres postgres() {
    return postgres;
  }

  /** The Redis client. */
  public HerokuRedis redis() {
    return redis;
  }

  /** Where welcome emails go. */
  public Mailer mailer() {
    return mailer;
  }

  UserStore users() {
    return users;
  }

  WelcomeEmails welcomeEmails() {
    return welcomeEmails;
  }

  /** Closes the mailer, Redis and the Postgres pools. */
  @Override
  public void close() {
    try {
      mailer.close();
    } finally {
      try {
        redis.close();
      } finally {
        postgres.close();
      }
    }
  }

  @Override
  public String toString() {
    return "SignupServices{" + postgres + ", " + redis + ", " + mailer + "}";
  }
}
