package dev.pairingworker.kafka;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.dispatch.OffsetTracker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * At-least-once: each output is sent at once through the {@link ReplyPublisher}; the record counts
 * as answered when the broker has acknowledged all of it.
 */
public final class ImmediateAnswers implements Answers {
  private final ReplyPublisher publisher;
  private final OffsetTracker offsets;

  public ImmediateAnswers(ReplyPublisher publisher, OffsetTracker offsets) {
    this.publisher = publisher;
    this.offsets = offsets;
  }

  @Override
  public void answer(RecordSource source, List<Output> output, CompletableFuture<Void> recorded) {
    CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[output.size() + 1];
    for (int i = 0; i < output.size(); i++) {
      Output out = output.get(i);
      acknowledged[i] =
          out.reply() ? publisher.sendReply(out.record()) : publisher.send(out.record());
    }
    acknowledged[output.size()] = recorded;
    CompletableFuture.allOf(acknowledged)
        .thenRun(
            () ->
                offsets.answered(
                    new TopicPartition(source.topic(), source.partition()), source.offset()));
  }
}
