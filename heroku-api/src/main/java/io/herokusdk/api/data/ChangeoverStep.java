package io.herokusdk.api.data;

/**
 * The steps of a database {@link Changeover}, in order: Heroku's documented low-downtime plan
 * change.
 */
public enum ChangeoverStep {
  /** Create a follower of the current database on the new plan and wait until it is available. */
  CREATE_FOLLOWER,
  /** Wait until the follower is within a few commits of its leader (before any downtime). */
  WAIT_CAUGHT_UP,
  /** Turn maintenance mode on (the app stops serving; the router shows the maintenance page). */
  MAINTENANCE_ON,
  /** Scale the non-web process types to 0, remembering the formation. */
  SCALE_DOWN,
  /** Wait until the follower is 0 commits behind: it has every write. */
  WAIT_ZERO_BEHIND,
  /** Unfollow: the follower becomes a writable database. */
  UNFOLLOW,
  /** Promote it to {@code DATABASE_URL}; the old database stays attached under another name. */
  PROMOTE,
  /** Scale the process types back to the remembered formation. */
  RESTORE_FORMATION,
  /** Turn maintenance mode off (unless it was on before the changeover). */
  MAINTENANCE_OFF
}
