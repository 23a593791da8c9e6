package io.herokusdk.api.workflow;

import io.herokusdk.api.model.AddOn;

/** An add-on ended {@code deprovisioned} instead of {@code provisioned}: provisioning failed. */
public final class AddOnProvisioningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AddOn addOn;

  /**
   * Creates the exception from the add-on's last state.
   *
   * @param addOn the add-on as last polled; its name, plan, app and {@code provision_message} go
   *     into the message
   */
  public AddOnProvisioningException(AddOn addOn) {
    super("Add-on " + addOn.name() + " (" + addOn.plan().name() + ") on app "
        + addOn.app().name() + " failed to provision: " + addOn.provisionMessage()
        + ". Check the plan and config, or the provider's status, and create it again.");
    this.addOn = addOn;
  }

  /**
   * The add-on as last polled, with its {@code provision_message}.
   *
   * @return the add-on, {@code deprovisioned} (or a state this SDK does not know); null after
   *     deserialization, as it is not serialized
   */
  public AddOn addOn() {
    return addOn;
  }
}
