package io.herokusdk.redis;

import java.util.Objects;

/**
 * An item taken from a {@link WorkQueue}. Acknowledge it with {@link WorkQueue#ack(QueueItem)}
 * when done; otherwise it is delivered again after the visibility timeout.
 */
public final class QueueItem {
  private final String id;
  private final String payload;
  private final int deliveryCount;
  private final String envelope;

  private QueueItem(String id, String payload, int deliveryCount, String envelope) {
    this.id = id;
    this.payload = payload;
    this.deliveryCount = deliveryCount;
    this.envelope = envelope;
  }

  /** Parses the stored form {@code <requeues>|<id>|<payload>}. */
  static QueueItem fromEnvelope(String envelope) {
    int first = envelope.indexOf('|');
    int second = first < 0 ? -1 : envelope.indexOf('|', first + 1);
    if (second < 0) {
      throw new HerokuRedisException("A work-queue entry is not in this SDK's format; was the "
          + "list written by other code?", null);
    }
    int requeues = Integer.parseInt(envelope.substring(0, first));
    return new QueueItem(envelope.substring(first + 1, second), envelope.substring(second + 1),
        requeues + 1, envelope);
  }

  static String envelope(String id, String payload) {
    return "0|" + id + "|" + payload;
  }

  /**
   * A unique id given at enqueue time.
   *
   * @return the id {@link WorkQueue#enqueue(String)} returned, a random UUID
   */
  public String id() {
    return id;
  }

  /**
   * The payload as enqueued.
   *
   * @return the payload, unchanged
   */
  public String payload() {
    return payload;
  }

  /**
   * 1 on first delivery, 2 after one re-delivery, and so on.
   *
   * @return how many times this item has been delivered, at least 1
   */
  public int deliveryCount() {
    return deliveryCount;
  }

  String envelope() {
    return envelope;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QueueItem && ((QueueItem) other).envelope.equals(envelope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(envelope);
  }

  /** Shows the id and delivery count, not the payload. */
  @Override
  public String toString() {
    return "QueueItem{id=" + id + ", deliveryCount=" + deliveryCount + "}";
  }
}
