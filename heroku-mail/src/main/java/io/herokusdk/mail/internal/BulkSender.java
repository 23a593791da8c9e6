package io.herokusdk.mail.internal;

import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.BulkResult.Status;
import io.herokusdk.mail.MailException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.MailRateLimitedException;
import io.herokusdk.mail.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Splits a bulk send into chunks and collects a result per chunk. Not API. */
public final class BulkSender {
  private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

  private BulkSender() {}

  /**
   * Sends {@code recipients} in chunks of {@code chunkSize} through {@code sendChunk}. After a
   * failure every chunk would share (401, 403, a rate limit the policy does not wait for) the
   * remaining chunks are skipped.
   */
  public static BulkResult send(List<BulkRecipient> recipients, int chunkSize,
      Function<List<BulkRecipient>, SendResult> sendChunk) {
    List<BulkResult.Chunk> chunks = new ArrayList<>();
    boolean skipRest = false;
    for (int start = 0, index = 0; start < recipients.size(); start += chunkSize, index++) {
      List<BulkRecipient> chunk =
          recipients.subList(start, Math.min(recipients.size(), start + chunkSize));
      if (skipRest) {
        chunks.add(new BulkResult.Chunk(index, start, chunk.size(), Status.SKIPPED, null, null));
        continue;
      }
      try {
        SendResult result = sendChunk.apply(chunk);
        chunks.add(new BulkResult.Chunk(index, start, chunk.size(), Status.SENT, result, null));
      } catch (MailException e) {
        Status status = e.mayHaveBeenSent() ? Status.DELIVERY_UNKNOWN : Status.FAILED;
        chunks.add(new BulkResult.Chunk(index, start, chunk.size(), status, null, e));
        LOG.warn("bulk chunk {} (recipients {} to {}) {}: {}", index, start,
            start + chunk.size() - 1, status, e.getMessage());
        skipRest = e instanceof MailRateLimitedException
            || (e instanceof MailRejectedException r
                && (r.statusCode() == 401 || r.statusCode() == 403));
      }
    }
    return new BulkResult(chunks);
  }
}
