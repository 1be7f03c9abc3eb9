package io.github.mistralobs.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.model.ChatResponse;

/**
 * One streamed chat call, subscribed to and read to its last chunk, with 20 and with 200
 * chunks: the starter touches meters once per stream, so what it adds should not grow
 * with the chunk count beyond the few nanoseconds its look at each chunk takes.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 8, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamBenchmark {

	@Param({ "NONE", "SPRING_AI", "SPRING_AI_AND_STARTER" })
	private Instrumentation instrumentation;

	@Param({ "20", "200" })
	private int chunks;

	private SimulatedMistral mistral;

	@Setup
	public void start() {
		this.mistral = SimulatedMistral.start(this.instrumentation, this.chunks);
	}

	@TearDown
	public void stop() {
		this.mistral.close();
	}

	@Benchmark
	public ChatResponse stream() {
		return this.mistral.chatModel().stream(this.mistral.responses().prompt()).blockLast();
	}

}
