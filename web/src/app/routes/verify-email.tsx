export { Component } from "./customer-unavailable";
