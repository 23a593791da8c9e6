package io.herokusdk.api.data;

/**
 * A backup or restore finished without succeeding, or was cancelled. The message has the last
 * five log lines, as the CLI prints them.
 */
public final class TransferFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Transfer transfer;

  /**
   * For the transfer as it finished (with its log).
   *
   * @param transfer the finished transfer, as {@link Backups#info} returns it; its name, types,
   *     status and last five log lines make the message
   */
  public TransferFailedException(Transfer transfer) {
    super(transfer.name() + " (" + transfer.fromType() + " -> " + transfer.toType() + ") "
        + transfer.status().name().toLowerCase(java.util.Locale.ROOT)
        + (transfer.logs().isEmpty() ? "" : "; last log lines:\n"
            + String.join("\n", transfer.lastLogLines(5))));
    this.transfer = transfer;
  }

  /**
   * The transfer as it finished, with its log.
   *
   * @return the transfer; {@link Transfer#logs()} has its whole log. Not serialized: null in
   *     an exception read back with Java serialization
   */
  public Transfer transfer() {
    return transfer;
  }
}
