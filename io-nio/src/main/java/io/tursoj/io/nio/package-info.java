/**
 * The NIO backend: {@link io.tursoj.io.nio.NioIO} runs each operation on an
 * {@link java.nio.channels.AsynchronousFileChannel} whose completion handlers only record the result; {@code step()}
 * completes the {@link io.tursoj.io.Completion}s on the stepping thread. Always available; the default where
 * io_uring is not.
 */
package io.tursoj.io.nio;
