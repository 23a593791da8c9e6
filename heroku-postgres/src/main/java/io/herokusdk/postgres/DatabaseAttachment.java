package io.herokusdk.postgres;

import java.util.Objects;

/**
 * A Heroku Postgres database attached to the app, as found in the config vars.
 *
 * @param configVar the config var holding its URL, e.g. {@code HEROKU_POSTGRESQL_RED_URL}
 * @param role how it relates to {@code DATABASE_URL}
 */
public record DatabaseAttachment(String configVar, Role role) {

  /** How an attachment relates to the app's primary database. */
  public enum Role {
    /** {@code DATABASE_URL} itself, or a var holding exactly the same URL. */
    PRIMARY,
    /**
     * Another database: a follower (read replica) of the primary or an unrelated database. The
     * config vars cannot tell these apart; {@link ReplicationStatus} probes the server.
     */
    OTHER,
    /** Heroku's server-side PgBouncer ({@code *_CONNECTION_POOL_URL}), transaction mode. */
    CONNECTION_POOL
  }

  /**
   * Checks for nulls.
   *
   * @param configVar the config var holding its URL, not null
   * @param role how it relates to {@code DATABASE_URL}, not null
   */
  public DatabaseAttachment {
    Objects.requireNonNull(configVar, "configVar == null");
    Objects.requireNonNull(role, "role == null");
  }
}
