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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.model.ChatResponse;

/**
 * Chat calls from 2, 8 and 32 threads at once into one application, so that every thread
 * records into the same meters. JMH reports the throughput of all threads together; the
 * budget checker divides it by the thread count. The machine has 2 cores: past 2 threads
 * they take turns, and what matters is that throughput per core does not collapse.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrentCallsBenchmark {

	@Param({ "SPRING_AI", "STARTER", "SPRING_AI_AND_STARTER" })
	private Instrumentation instrumentation;

	private SimulatedMistral mistral;

	@Setup
	public void start() {
		this.mistral = SimulatedMistral.start(this.instrumentation, 2);
	}

	@TearDown
	public void stop() {
		this.mistral.close();
	}

	@Benchmark
	@Threads(2)
	public ChatResponse threads02() {
		return call();
	}

	@Benchmark
	@Threads(8)
	public ChatResponse threads08() {
		return call();
	}

	@Benchmark
	@Threads(32)
	public ChatResponse threads32() {
		return call();
	}

	private ChatResponse call() {
		return this.mistral.chatModel().call(this.mistral.responses().prompt());
	}

}
