package io.herokusdk.postgres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of {@link PgExtras#diagnose()}: one green, yellow or red check per concern, like
 * {@code heroku pg:diagnose}.
 *
 * @param checks the checks in a fixed order
 */
public record Diagnosis(List<Check> checks) {
  /**
   * Copies the list.
   *
   * @param checks the checks in a fixed order; no null elements
   */
  public Diagnosis {
    checks = List.copyOf(checks);
  }

  /** The colour of a check. */
  public enum Status {
    /** Nothing to do. */
    GREEN,
    /** Worth a look. */
    YELLOW,
    /** Needs action. */
    RED
  }

  /**
   * One check.
   *
   * @param name a stable id, like "connections" or "bloat"
   * @param status its colour
   * @param summary one line saying what was found
   * @param details one line per offending object (table, backend, sequence...), empty when green
   */
  public record Check(String name, Status status, String summary, List<String> details) {
    /**
     * Copies the list.
     *
     * @param name a stable id, like "connections"; not null
     * @param status its colour, not null
     * @param summary one line saying what was found, not null
     * @param details one line per offending object; no null elements
     */
    public Check {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(summary, "summary == null");
      details = List.copyOf(details);
    }
  }

  /**
   * The check called {@code name}, if the report has it.
   *
   * @param name the check's stable id, like "connections" or "bloat"
   * @return the first check with that name, or empty
   */
  public Optional<Check> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The worst status of all checks (GREEN for an empty report).
   *
   * @return RED if any check is red, else YELLOW if any is yellow, else GREEN
   */
  public Status worst() {
    Status worst = Status.GREEN;
    for (Check check : checks) {
      if (check.status().compareTo(worst) > 0) worst = check.status();
    }
    return worst;
  }

  /** One line per check, then its details indented, as the CLI prints it. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Check check : checks) {
      out.append(check.status()).append(": ").append(check.name()).append(": ")
          .append(check.summary()).append('\n');
      for (String detail : check.details()) out.append("  ").append(detail).append('\n');
    }
    return out.toString();
  }
}
