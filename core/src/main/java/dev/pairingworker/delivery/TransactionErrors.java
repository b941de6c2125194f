package dev.pairingworker.delivery;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** What a failed transaction means for the worker. */
enum TransactionErrors {
  /** Abort; the same output and offsets go into the next transaction. */
  RETRY,
  /** The group moved on (rebalance): abort; what is still this worker's is retried. */
  REBALANCE,
  /** The producer cannot go on (fenced, not authorised, unsupported): the worker stops. */
  FATAL;

  static TransactionErrors classify(Throwable failure) {
    TransactionErrors kind = RETRY;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // InvalidProducerEpochException is not here: Kafka (KIP-588) has it aborted and the
      // producer re-initialised by abortTransaction; if the producer was really fenced, that abort
      // fails and the worker stops then.
      if (t instanceof ProducerFencedException
          || t instanceof FencedInstanceIdException
          || t instanceof UnsupportedVersionException
          || (t instanceof AuthorizationException && !(t instanceof TopicAuthorizationException))) {
        return FATAL; // a topic refusing a reply is retried, then redirected, as at-least-once
      }
      if (t instanceof CommitFailedException
          || t instanceof IllegalGenerationException
          || t instanceof UnknownMemberIdException
          || t instanceof RebalanceInProgressException) {
        kind = REBALANCE;
      }
    }
    return kind;
  }

  /** Why the worker stops, for its error message. */
  static String reason(Throwable failure, String transactionalId) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
        return "the transactional producer was fenced: another running worker uses"
            + " worker.transactional.id="
            + transactionalId
            + " (each instance needs its own)";
      }
      if (t instanceof AuthorizationException) {
        return "the transactional producer (worker.transactional.id="
            + transactionalId
            + ") is not authorised: it needs WRITE and DESCRIBE on its transactional ID and READ"
            + " on the consumer group";
      }
    }
    return "the transactional producer (worker.transactional.id="
        + transactionalId
        + ") cannot continue";
  }
}
