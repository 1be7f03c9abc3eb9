package io.github.mistralobs.sample.simulator;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ties the simulator's life to the application context. It is registered as the first
 * disposable singleton, so it stops after every other bean (the traffic generator, the
 * web server draining its requests) has been destroyed; it also stops when start-up fails
 * before the context exists.
 */
class SimulatorShutdownListener implements ApplicationListener<ApplicationEvent> {

	static final String BEAN_NAME = "mistralSimulator";

	private final MistralSimulator simulator;

	SimulatorShutdownListener(MistralSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationPreparedEvent prepared) {
			ConfigurableListableBeanFactory beanFactory = prepared.getApplicationContext().getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, this.simulator);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(BEAN_NAME, this::stopSimulator);
			}
		}
		else if (event instanceof ApplicationFailedEvent) {
			stopSimulator();
		}
	}

	private void stopSimulator() {
		if (this.simulator.isRunning()) {
			this.simulator.stop();
		}
	}

}
