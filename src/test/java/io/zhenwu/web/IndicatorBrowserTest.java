package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's target board and a staff member's data entry, in real Chromium. */
@ZhenwuTest
class IndicatorBrowserTest {

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
    void theLeaderSeesTheTargetBoardWithGaugesAndTrends() {
        driver = BrowserTestSupport.startChromium("indicators");
        login("leader");
        driver.get(url("/indicators?year=2024&asOf=2024-09-30"));
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String board = driver.findElement(By.id("target-board")).getText();
        assertThat(board).contains("一般公共预算收入超5亿元", "工业应税开票销售力争超260亿元", "75.0%", "暂无数据");
        wait.until(d -> !d.findElements(By.cssSelector("#trend-industrial_taxable_sales canvas")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#gauge-budget_revenue canvas")).isEmpty());
        BrowserTestSupport.screenshot(driver, "indicators-01-board.png");

        driver.findElement(By.linkText("地区生产总值")).click();
        assertThat(driver.findElement(By.id("series")).getText()).contains("2023", "90.0000", "增长 6%（可比价，统计局公布）");
        driver.findElement(By.cssSelector("button[hx-get*='/revisions']")).click();
        wait.until(d -> d.findElement(By.cssSelector("[id^=rev-] table")).getText().contains("demo"));
        BrowserTestSupport.screenshot(driver, "indicators-02-series.png");
    }

    @Test
    void entryShowsRuleErrorsInlineAndSaves() {
        driver = BrowserTestSupport.startChromium("entry");
        login("admin");
        driver.get(url("/indicators/entry?org=321183104000&group=AGRICULTURE&period=2020"));
        WebElement area = driver.findElement(By.id("value-grain_area"));
        area.sendKeys("1.234");
        driver.findElement(By.id("entry-save")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entry-form .field-error")));
        assertThat(error.getText()).contains("小数位");
        assertThat(driver.findElements(By.cssSelector("form.filters"))).as("htmx swapped only the entry form").hasSize(1);
        BrowserTestSupport.screenshot(driver, "indicators-03-entry-error.png");
        area = driver.findElement(By.id("value-grain_area"));
        area.clear();
        area.sendKeys("1.23");
        driver.findElement(By.id("entry-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#entry-form .flash.success"), "已保存"));
        assertThat(driver.findElement(By.id("value-grain_area")).getAttribute("value")).isEqualTo("1.23");
        BrowserTestSupport.screenshot(driver, "indicators-04-entry-saved.png");
    }
}
