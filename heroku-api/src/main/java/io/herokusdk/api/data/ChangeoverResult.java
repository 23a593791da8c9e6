package io.herokusdk.api.data;

import java.util.List;

/**
 * A finished {@link Changeover}.
 *
 * @param app the app
 * @param previous the add-on that was {@code DATABASE} (still attached under another name; remove
 *     it with {@code heroku addons:destroy} once you no longer need it)
 * @param promoted the new add-on, now {@code DATABASE}
 * @param plan the new add-on's plan
 * @param steps every step, in order, the ones this run did and the ones an earlier run did
 */
public record ChangeoverResult(String app, String previous, String promoted, String plan,
    List<ChangeoverStep> steps) {
  /**
   * Copies the list.
   *
   * @param app the app
   * @param previous the add-on that was {@code DATABASE}
   * @param promoted the new add-on, now {@code DATABASE}
   * @param plan the new add-on's plan
   * @param steps every step, in order; copied
   */
  public ChangeoverResult {
    steps = List.copyOf(steps);
  }
}
