package io.herokusdk.core;

/** Where a config var's value came from, in order of precedence. */
public enum ConfigSource {
  /** An explicit override given to {@link ConfigVars.Builder#override(String, String)}. */
  OVERRIDE,
  /** The process environment, which is where Heroku puts config vars on a dyno. */
  ENVIRONMENT,
  /** A {@code .env} file, which {@code heroku local} also reads. */
  DOT_ENV
}
