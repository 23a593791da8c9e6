package io.herokusdk.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@link Mailer#sendBulk bulk send}: one {@link Chunk} per request, in order.
 * A failed chunk does not undo the others, so check {@link #allSent()} and, for the rest,
 * {@link Chunk#status()}: only {@link Status#DELIVERY_UNKNOWN} chunks may have been delivered.
 *
 * @param chunks one entry per request (at most 1000 recipients each)
 */
public record BulkResult(List<Chunk> chunks) {
  /**
   * Copies the list.
   *
   * @param chunks one entry per request, in order; copied
   */
  public BulkResult {
    chunks = List.copyOf(chunks);
  }

  /** What happened to one chunk. */
  public enum Status {
    /** The provider accepted it. */
    SENT,
    /** It was certainly not sent: rejected, rate limited or could not connect. */
    FAILED,
    /** The request was written but no definite answer came back; it may have been sent. */
    DELIVERY_UNKNOWN,
    /**
     * Not tried, because an earlier chunk failed in a way every chunk would (bad API key, rate
     * limit wait too long).
     */
    SKIPPED
  }

  /**
   * One request of a bulk send.
   *
   * @param index the chunk's position, from 0
   * @param firstRecipient the index, in the list passed to sendBulk, of its first recipient
   * @param recipientCount how many recipients it covers
   * @param status what happened
   * @param result the provider's answer when {@code SENT}, else null
   * @param error the failure when {@code FAILED} or {@code DELIVERY_UNKNOWN}, else null
   */
  public record Chunk(int index, int firstRecipient, int recipientCount, Status status,
      @Nullable SendResult result, @Nullable MailException error) {
    /**
     * Checks that {@code status} is not null.
     *
     * @param index the chunk's position, from 0
     * @param firstRecipient the index, in the list passed to sendBulk, of its first recipient
     * @param recipientCount how many recipients it covers, from 1 to 1000
     * @param status what happened; not null
     * @param result the provider's answer when {@code SENT}, else null
     * @param error the failure when {@code FAILED} or {@code DELIVERY_UNKNOWN}, else null
     */
    public Chunk {
      Objects.requireNonNull(status, "status == null");
    }

    /**
     * The provider's answer, if the chunk was sent.
     *
     * @return {@link #result()}, or empty unless the status is {@link Status#SENT}
     */
    public Optional<SendResult> sendResult() {
      return Optional.ofNullable(result);
    }

    /**
     * The failure, if the chunk failed.
     *
     * @return {@link #error()} for {@link Status#FAILED} and {@link Status#DELIVERY_UNKNOWN}; empty
     *     for {@link Status#SENT} and {@link Status#SKIPPED}
     */
    public Optional<MailException> failure() {
      return Optional.ofNullable(error);
    }
  }

  /**
   * Returns true if every chunk was sent.
   *
   * @return true if every chunk's status is {@link Status#SENT}
   */
  public boolean allSent() {
    return chunks.stream().allMatch(c -> c.status() == Status.SENT);
  }

  /**
   * Returns the chunks that were not sent (failed, unknown or skipped).
   *
   * @return the chunks whose status is not {@link Status#SENT}, in order; empty if all were sent
   */
  public List<Chunk> unsentChunks() {
    return chunks.stream().filter(c -> c.status() != Status.SENT).toList();
  }

  /**
   * Returns how many recipients are in chunks the provider accepted.
   *
   * @return the sum of {@link Chunk#recipientCount()} over the {@link Status#SENT} chunks
   */
  public int sentRecipientCount() {
    return chunks.stream()
        .filter(c -> c.status() == Status.SENT)
        .mapToInt(Chunk::recipientCount)
        .sum();
  }
}
