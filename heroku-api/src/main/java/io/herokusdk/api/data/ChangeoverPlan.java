package io.herokusdk.api.data;

import java.util.List;

/**
 * What a {@link Changeover} will do, from the app's current state (a dry run: reading it
 * changes nothing). {@link #toString()} prints it as numbered lines.
 *
 * @param app the app
 * @param database the add-on that is {@code DATABASE} now
 * @param plan the plan it changes to
 * @param steps the steps in order, each with what it will do
 */
public record ChangeoverPlan(String app, String database, String plan, List<Step> steps) {
  /**
   * Copies the list.
   *
   * @param app the app
   * @param database the add-on that is {@code DATABASE} now
   * @param plan the plan it changes to
   * @param steps the steps in order; copied
   */
  public ChangeoverPlan {
    steps = List.copyOf(steps);
  }

  /**
   * One planned step.
   *
   * @param step the step
   * @param description what it will do, with this app's names and numbers
   * @param done whether the journal says an earlier run did it already
   */
  public record Step(ChangeoverStep step, String description, boolean done) {}

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Changeover of " + database + " on " + app + " to "
        + plan + ":\n");
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      text.append(String.format("%2d. %s%s%n", i + 1, s.description(), s.done() ? "  (done)" : ""));
    }
    return text.toString();
  }
}
