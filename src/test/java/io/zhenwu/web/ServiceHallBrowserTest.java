package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A window clerk accepts a matter (a bad ID first), hands it over and completes it; then the receipt; in Chromium. */
@ZhenwuTest
class ServiceHallBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    @Test
    void acceptHandOverCompleteAndPrintTheNotice() {
        driver = BrowserTestSupport.startChromium("service-hall");
        login("staff");
        driver.get(url("/service-hall"));
        new Select(driver.findElement(By.id("matterCode"))).selectByValue("GG-004");
        new Select(driver.findElement(By.id("windowCode"))).selectByValue("ZH-02");
        new Select(driver.findElement(By.id("applicantKind"))).selectByValue("RESIDENT");
        driver.findElement(By.id("applicantName")).sendKeys("王建国");
        driver.findElement(By.id("applicantId")).sendKeys("11010519491231002X".replace('X', '9'));
        driver.findElement(By.cssSelector("#accept-form button[type=submit]")).click();
        // The page reloads after each POST: an element found just before the reload goes stale, so look again.
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accept-form .field-error"))).getText();
        assertThat(error).as("a bad check digit is named inline").contains("校验");
        BrowserTestSupport.screenshot(driver, "service-hall-01-bad-id.png");

        driver.findElement(By.id("applicantId")).clear();
        driver.findElement(By.id("applicantId")).sendKeys("11010519491231002X");
        driver.findElement(By.cssSelector("#accept-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")));
        assertThat(driver.findElement(By.id("case-number")).getText()).matches("XS-ZW-\\d{4}-\\d{6}");
        assertThat(driver.getPageSource()).contains("王**", "1101**********002X");
        assertThat(driver.findElement(By.id("case-state")).getText()).contains("已受理");

        driver.findElement(By.cssSelector("#transition-complete button[type=submit]")).click();
        String missing = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transition-complete .field-error"))).getText();
        assertThat(missing).contains("办理结果");
        driver.findElement(By.cssSelector("#transition-hand_over button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("case-state")).getText().contains("办理中"));
        driver.findElement(By.id("complete-result")).sendKeys("审核通过，津贴按月发放");
        driver.findElement(By.cssSelector("#transition-complete button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("case-state")).getText().contains("已办结"));
        assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("转办理", "办结", "审核通过，津贴按月发放");
        BrowserTestSupport.screenshot(driver, "service-hall-02-completed.png");

        driver.findElement(By.linkText("办结通知书")).click();
        assertThat(driver.findElement(By.cssSelector("section.printable")).getText()).contains("办结通知书", "高龄津贴申领");
        BrowserTestSupport.screenshot(driver, "service-hall-03-notice.png");
    }
}
