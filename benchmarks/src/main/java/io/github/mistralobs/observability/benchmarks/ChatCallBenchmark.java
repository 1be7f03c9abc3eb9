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
 * One chat call through the model bean, from {@code call(Prompt)} to its response, under
 * each {@link Instrumentation}: what the starter adds is the difference to the same call
 * without it.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChatCallBenchmark {

	@Param
	private Instrumentation instrumentation;

	/**
	 * Whether the starter writes its log event for each request; Spring AI's handlers and
	 * no instrumentation run once, with {@code off}.
	 */
	@Param({ "off", "on" })
	private String requestLog;

	private SimulatedMistral mistral;

	@Setup
	public void start() {
		this.mistral = SimulatedMistral.start(this.instrumentation, 2, "on".equals(this.requestLog));
	}

	@TearDown
	public void stop() {
		this.mistral.close();
	}

	@Benchmark
	public ChatResponse call() {
		return this.mistral.chatModel().call(this.mistral.responses().prompt());
	}

}
