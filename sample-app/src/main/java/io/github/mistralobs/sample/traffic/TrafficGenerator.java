package io.github.mistralobs.sample.traffic;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Starts simulated Mistral calls at a fixed, bounded rate. Calls run on a small pool with
 * a short queue; when the pool is saturated a tick is dropped rather than queued, so a
 * slow simulator never builds up a backlog.
 */
public class TrafficGenerator implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrafficGenerator.class);

	private final List<TrafficScenario> scenarios;

	private final TrafficProperties properties;

	private volatile ScheduledExecutorService ticker;

	private volatile ThreadPoolExecutor callers;

	TrafficGenerator(List<TrafficScenario> scenarios, TrafficProperties properties) {
		this.scenarios = scenarios;
		this.properties = properties;
	}

	@Override
	public void start() {
		int concurrency = this.properties.concurrency();
		this.callers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(concurrency), new CustomizableThreadFactory("traffic-call-"),
				new ThreadPoolExecutor.DiscardPolicy());
		this.ticker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("traffic-tick-"));
		long periodMicros = Math.round(1_000_000 / this.properties.requestsPerSecond());
		this.ticker.scheduleAtFixedRate(() -> this.callers.execute(this::callOnce), periodMicros, periodMicros,
				TimeUnit.MICROSECONDS);
		logger.info("Generating simulated Mistral traffic at " + this.properties.requestsPerSecond()
				+ " calls per second (sample.traffic.enabled=false switches it off).");
	}

	private void callOnce() {
		TrafficScenario scenario = TrafficScenario.pick(this.scenarios);
		try {
			scenario.call().run();
		}
		catch (RuntimeException ex) {
			logger.debug("Simulated " + scenario.name() + " failed: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public void stop() {
		this.ticker.shutdownNow();
		this.callers.shutdownNow();
		try {
			this.callers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.ticker = null;
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
