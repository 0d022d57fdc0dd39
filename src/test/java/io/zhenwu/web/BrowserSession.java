package io.zhenwu.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * One Chromium ({@link BrowserTestSupport#startChromium}) against the test server, closed with try-with-resources:
 * addresses, waiting and the login form in one place.
 */
final class BrowserSession implements AutoCloseable {

    private final WebDriver driver;
    private final int port;

    BrowserSession(String name, int port) {
        this.driver = BrowserTestSupport.startChromium(name);
        this.port = port;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Signs in through the login form and waits for the home page. */
    void login(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    void screenshot(String file) {
        BrowserTestSupport.screenshot(driver, file);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
