package dev.weft.client;

import dev.weft.protocol.Message;
import java.util.List;

/** Where the protocol logic puts what it sends: one frame per call. */
@FunctionalInterface
interface Outbox {
    void send(List<? extends Message> messages);
}
