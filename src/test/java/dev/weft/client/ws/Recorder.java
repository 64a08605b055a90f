package dev.weft.client.ws;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that records what it hears, for tests. */
final class Recorder implements Listener {
    record Closed(int code, String reason) {
    }

    final BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
    final BlockingQueue<String> text = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    final CompletableFuture<Throwable> error = new CompletableFuture<>();
    volatile int terminalCalls;

    @Override
    public void onBinary(byte[] message) {
        binary.add(message);
    }

    @Override
    public void onText(String message) {
        text.add(message);
    }

    @Override
    public synchronized void onClose(int code, String reason) {
        terminalCalls++;
        closed.complete(new Closed(code, reason));
    }

    @Override
    public synchronized void onError(Throwable e) {
        terminalCalls++;
        error.complete(e);
    }

    byte[] nextBinary() throws InterruptedException {
        byte[] b = binary.poll(60, TimeUnit.SECONDS);
        if (b == null) {
            throw new AssertionError("no binary message within 60 s");
        }
        return b;
    }

    String nextText() throws InterruptedException {
        String t = text.poll(60, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no text message within 60 s");
        }
        return t;
    }

    Closed awaitClose() throws Exception {
        return closed.get(60, TimeUnit.SECONDS);
    }

    Throwable awaitError() throws Exception {
        return error.get(60, TimeUnit.SECONDS);
    }
}
