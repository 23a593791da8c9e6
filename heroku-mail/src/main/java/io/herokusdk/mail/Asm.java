package io.herokusdk.mail;

import java.util.List;
import java.util.Objects;

/**
 * SendGrid's unsubscribe handling for an email ({@code asm}): the suppression group it belongs
 * to and the groups shown on the recipient's preferences page. Checked when the {@link Email} is
 * built: {@code groupId} above 0, at most 25 distinct {@code groupsToDisplay}, each above 0.
 * Mailgun has no equivalent; its transport refuses an email that sets this.
 *
 * @param groupId the unsubscribe group the email belongs to
 * @param groupsToDisplay the groups shown on the preferences page; may be empty
 */
public record Asm(int groupId, List<Integer> groupsToDisplay) {
  /**
   * Copies {@code groupsToDisplay}, which may not be null nor hold null.
   *
   * @param groupId the unsubscribe group the email belongs to; above 0
   * @param groupsToDisplay the groups shown on the preferences page; may be empty
   */
  public Asm {
    groupsToDisplay = List.copyOf(Objects.requireNonNull(groupsToDisplay, "groupsToDisplay == null"));
  }

  /**
   * Returns the group {@code groupId}, showing {@code groupsToDisplay} on the preferences page.
   *
   * @param groupId the unsubscribe group the email belongs to; above 0
   * @param groupsToDisplay the groups shown on the preferences page; none, or at most 25 distinct
   *     ids above 0
   * @return the settings
   */
  public static Asm of(int groupId, Integer... groupsToDisplay) {
    return new Asm(groupId, List.of(groupsToDisplay));
  }
}
